/** How a copy went: by the Clipboard API, by the older selection copy, or not at all (the page shows the text to copy by hand). */
export type CopyOutcome = 'clipboard' | 'selection' | 'manual';

export interface CopyMeans {
  /** navigator.clipboard.writeText, absent on plain http and in some in-app browsers (WeChat). */
  writeText?: (text: string) => Promise<void>;
  /** Selects the text in its read-only input and runs document.execCommand('copy'); false when the browser refuses. */
  copySelection: () => boolean;
}

/** Copies with the first means that works, so a link can be shared from any phone browser. */
export const copyText = async (text: string, means: CopyMeans): Promise<CopyOutcome> => {
  if (means.writeText) {
    try {
      await means.writeText(text);
      return 'clipboard';
    } catch {
      // refused (no permission, not focused): the selection copy may still work
    }
  }
  try {
    return means.copySelection() ? 'selection' : 'manual';
  } catch {
    return 'manual';
  }
};
