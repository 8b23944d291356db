import { createHash } from 'node:crypto';
import sharp from 'sharp';

/**
 * A sample poster for demo entries: shapes in colours drawn from the title, so each demo poster looks
 * different (the originality check must not flag them as copies of each other). No text is drawn,
 * since a fresh machine may have no Chinese font. Carries EXIF, as 002's rules ask of a real photo.
 */
export async function demoPoster(title: string, width = 1200, height = 1600) {
  const digest = createHash('sha256').update(title).digest();
  const colour = (i: number) => `rgb(${digest[i]},${digest[i + 1]},${digest[i + 2]})`;
  const shapes = Array.from({ length: 6 }, (_, i) => {
    const x = (digest[i * 4] / 255) * width;
    const y = (digest[i * 4 + 1] / 255) * height;
    const r = 80 + (digest[i * 4 + 2] / 255) * 260;
    return i % 2 === 0
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour(i + 3)}" opacity="0.85"/>`
      : `<rect x="${x - r / 2}" y="${y - r}" width="${r}" height="${r * 2}" fill="${colour(i + 6)}" opacity="0.8"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour(20)}"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'Leitai demo', Model: 'poster', Software: 'sharp' } })
    .toBuffer();
}
