import { useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * A native <dialog> shown as a modal while `open`: the props to spread on it. Escape is handed to
 * `onCancel` rather than closing the dialog itself, so `open` alone says whether it shows.
 */
export const useModal = (open: boolean, onCancel: () => void) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return {
    ref,
    onCancel: (event: SyntheticEvent) => {
      event.preventDefault();
      onCancel();
    },
  };
};
