import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { AppError } from '../platform/errors.ts';

/** The longest side of a thumbnail: sharp on a phone's works list at 2× pixels, a few kB each. */
export const THUMBNAIL_SIZE = 320;

const images = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** 404 for a file that is not an image: the page shows no preview for it. */
export const requireImage = (mediaType: string | null) => {
  if (!mediaType || !images.has(mediaType))
    throw new AppError('submission.no_thumbnail', { zh: '该文件不是图片，没有缩略图', en: 'This file is not an image and has no thumbnail' }, 404);
};

/**
 * A small JPEG of an uploaded image, turned upright by its EXIF orientation and never enlarged,
 * so a phone loads a few kB instead of a poster of several MB. A file's bytes never change under
 * its id (a replacement is a new file), so the reply may be cached for good.
 */
export const thumbnailOf = (image: Readable): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const resize = sharp({ failOn: 'none' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 75 });
    image.once('error', reject);
    image.pipe(resize).toBuffer().then(resolve, reject);
  });
