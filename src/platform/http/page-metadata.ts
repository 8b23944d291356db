/**
 * What a link to a page shows where it is shared (WeChat, QQ, Weibo, mail): those apps read the
 * HTML as sent and run no script, so the server writes a page's title, summary and image into
 * index.html itself. Open Graph for most apps, schema.org itemprop for WeChat's and QQ's cards.
 */
export interface PageMetadata {
  title: string;
  description?: string;
  /** A path on this server (`/share.png`) or an absolute URL. */
  image?: string;
}

/** The metadata of a page address, or undefined for a page that keeps index.html's own. */
export type PageMetadataOf = (path: string) => Promise<PageMetadata | undefined>;

/** The first metadata any of the features gives for an address (each knows its own pages). */
export const firstPageMetadata =
  (...sources: PageMetadataOf[]): PageMetadataOf =>
  async (path) => {
    for (const source of sources) {
      const metadata = await source(path);
      if (metadata) return metadata;
    }
    return undefined;
  };

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]);

// index.html's own title and share tags (the site's), which a page's replace.
const titleElement = /<title>[^<]*<\/title>/;
const shareTags = /<meta\s+(?:name="description"|property="og:[\w:]+"|itemprop="\w+"|name="twitter:[\w:]+")[^>]*>\s*/g;

const shareTagsOf = ({ title, description, image }: PageMetadata, origin: string) => {
  const imageUrl = image === undefined ? undefined : new URL(image, origin).href;
  const tags: [attribute: string, key: string, content: string | undefined][] = [
    ['name', 'description', description],
    ['property', 'og:type', 'website'],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ['property', 'og:image', imageUrl],
    ['itemprop', 'name', title],
    ['itemprop', 'description', description],
    ['itemprop', 'image', imageUrl],
  ];
  return tags
    .filter((tag): tag is [string, string, string] => tag[2] !== undefined)
    .map(([attribute, key, content]) => `<meta ${attribute}="${key}" content="${escapeHtml(content)}">`);
};

/** index.html as a page sends it: its title, and share tags that name it (image URLs made absolute on `origin`). */
export const withPageMetadata = (html: string, metadata: PageMetadata, origin: string) => {
  const head = [`<title>${escapeHtml(metadata.title)}</title>`, ...shareTagsOf(metadata, origin)].join('\n    ');
  // A function as replacement, so a `$&` in a contest's name is text, not a pattern.
  return html.replace(shareTags, '').replace(titleElement, () => head);
};
