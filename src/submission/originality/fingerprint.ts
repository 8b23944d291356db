import sharp from 'sharp';
import { imageViews } from './image-hash.ts';
import type { ImageSignature } from './image-match.ts';
import { thumbnailOf } from './pixel-check.ts';
import { sketchText, type MinHashSignature, type TextSketch } from './text-hash.ts';

/**
 * Fingerprints of works, computed once per stored file and kept with it; rules.ts compares them.
 * Each names its algorithm, so a fingerprint made by a later, different algorithm is never compared
 * with an older one. The text of a PDF is extracted and sketched in the parser worker (src/submission/pdf-text.ts).
 */

export const imageAlgorithm = 'phash-dhash-masked-thumb64/2';
export const textAlgorithm = 'minhash192-char5/1';

/** Hashes of four views and a 64×64 thumbnail for the pixel check (image-match.ts). */
export interface ImageFingerprint extends ImageSignature {
  kind: 'image';
  algorithm: typeof imageAlgorithm;
}

export interface TextFingerprint {
  kind: 'text';
  algorithm: typeof textAlgorithm;
  /** Characters left after normalisation (letters and digits); short texts are never flagged. */
  characters: number;
  /** Empty when the text has fewer characters than one shingle. */
  signature: MinHashSignature;
}

export type Fingerprint = ImageFingerprint | TextFingerprint;

/** The algorithms fingerprints are made with now, one per kind. */
export const currentAlgorithms: readonly string[] = [imageAlgorithm, textAlgorithm];

/**
 * A stored fingerprint (JSON kept with a file, of any age) when it can be compared with today's, else
 * null: one made by an earlier algorithm has another shape and meaning, and is recomputed from the
 * stored bytes (refingerprint.ts) rather than compared.
 */
export function comparableFingerprint(stored: unknown): Fingerprint | null {
  const algorithm = (stored as { algorithm?: unknown } | null)?.algorithm;
  return typeof algorithm === 'string' && currentAlgorithms.includes(algorithm) ? (stored as Fingerprint) : null;
}

/** Side of the square raster sharp hands over; the views are cut from it, then averaged to 32×32 (and 64×64). */
const decodedSide = 128;

/**
 * The perceptual fingerprint of a JPEG or PNG (a path or its bytes): turned upright by its EXIF
 * orientation, flattened on white (transparent PNGs), greyscale, and squeezed to 128×128 regardless of its
 * aspect ratio, so that a resized copy lands on the same raster. Rejects what sharp cannot decode.
 */
export async function fingerprintImage(input: string | Buffer): Promise<ImageFingerprint> {
  const { data, info } = await sharp(input)
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(decodedSide, decodedSide, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = new Uint8Array(info.width * info.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = data[i * info.channels]!;
  const image = { width: info.width, height: info.height, pixels };
  return { kind: 'image', algorithm: imageAlgorithm, views: imageViews(image), thumbnail: thumbnailOf(image) };
}

/** The MinHash fingerprint of a text field or of the text extracted from a PDF. */
export function fingerprintText(text: string): TextFingerprint {
  return textFingerprint(sketchText(text));
}

/** The fingerprint of a text sketched elsewhere (the PDF's, in the parser worker: pdf-text.ts). */
export function textFingerprint({ characters, signature }: TextSketch): TextFingerprint {
  return { kind: 'text', algorithm: textAlgorithm, characters, signature };
}
