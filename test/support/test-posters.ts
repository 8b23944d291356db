import sharp from 'sharp';
import { seededRandom } from './test-images.ts';

/**
 * Test posters of the kinds contests receive, made in the tests (deterministic, from seeded PRNGs):
 * - photo: a textured scene (smooth blobs, fine grain, a few hard-edged objects);
 * - flat: a few solid shapes on a solid background, as in a flat design;
 * - gradient: a two-colour gradient background with a title, a subtitle and a shape or two — low texture,
 *   the kind on which a pHash's bits hang on near-zero coefficients;
 * - text: a light background with a heading and many lines of CJK-like glyph blocks (drawn as small
 *   rectangles, since a test machine may have no Chinese font).
 * Originals of one kind share their template, as posters of one contest do: telling two of them apart
 * is the hard case for false flags.
 */

export type PosterKind = 'photo' | 'flat' | 'gradient' | 'text';
export const posterKinds: readonly PosterKind[] = ['photo', 'flat', 'gradient', 'text'];

const hsl = (random: () => number, saturation = 60, lightness = 50) =>
  `hsl(${Math.floor(random() * 360)},${saturation + Math.floor(random() * 30)}%,${lightness + Math.floor(random() * 20) - 10}%)`;

/** A poster of the kind, different for each seed, as PNG (lossless, so each alteration is the only loss). */
export async function makePoster(kind: PosterKind, seed: number, width = 480, height = 360): Promise<Buffer> {
  const random = seededRandom(seed * 104_729 + posterKinds.indexOf(kind) * 7_919 + 3);
  if (kind === 'photo') return photo(random, width, height);
  const body = kind === 'flat' ? flat(random, width, height) : kind === 'gradient' ? gradient(random, seed, width, height) : textHeavy(random, width, height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}

function flat(random: () => number, width: number, height: number): string {
  const shapes = [`<rect width="100%" height="100%" fill="${hsl(random, 30, 80)}"/>`];
  const count = 3 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const x = random() * width;
    const y = random() * height;
    const size = (0.15 + random() * 0.3) * Math.min(width, height);
    shapes.push(
      random() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${hsl(random)}"/>`
        : `<rect x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size * (0.5 + random())}" rx="${size * 0.1}" fill="${hsl(random)}"/>`,
    );
  }
  return shapes.join('');
}

const gradientTitleWords = [
  ['Smart', 'Open', 'Digital', 'Green', 'Data', 'Future', 'Civic', 'Healthy', 'Urban', 'Rural', 'Ocean', 'Youth'],
  ['City', 'Innovation', 'Health', 'Energy', 'Good', 'Lab', 'Services', 'Mobility', 'Finance', 'Culture'],
] as const;

function gradient(random: () => number, seed: number, width: number, height: number): string {
  const s = width / 1200;
  // Pastel stops close in lightness, at any angle, and modest type: the low-texture poster on which the
  // pHash alone was unsure (its 64 bits hang on near-zero coefficients).
  const angle = random() * 180;
  const hue = Math.floor(random() * 360);
  const stop = (shift: number) => `hsl(${(hue + shift) % 360},${40 + Math.floor(random() * 30)}%,${84 + Math.floor(random() * 10)}%)`;
  const ink = `hsl(${(hue + 180) % 360},40%,${30 + Math.floor(random() * 30)}%)`;
  // Each poster its own title (unique for the first 60 seeds), as distinct posters of one contest have:
  // with five titles, two posters of one title in one place differed only in hue, which the greyscale
  // fingerprint does not see (a recoloured copy is a copy), and the measurement counted them as false flags.
  const title = `${gradientTitleWords[0][seed % 12]} ${gradientTitleWords[1][(seed * 7) % 10]} ${2020 + (seed % 7)}`;
  const titleY = height * (0.15 + random() * 0.3);
  const parts = [
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle.toFixed(1)} 0.5 0.5)"><stop offset="0" stop-color="${stop(0)}"/><stop offset="1" stop-color="${stop(20 + Math.floor(random() * 60))}"/></linearGradient></defs>`,
    `<rect width="100%" height="100%" fill="url(#g)"/>`,
    `<text x="${width * (0.06 + random() * 0.12)}" y="${titleY}" font-family="sans-serif" font-weight="bold" font-size="${(40 + random() * 16) * s}" fill="${ink}">${title}</text>`,
    `<text x="${width * (0.06 + random() * 0.12)}" y="${titleY + 50 * s}" font-family="sans-serif" font-size="${(20 + random() * 8) * s}" fill="${ink}" fill-opacity="0.8">Challenge ${1000 + Math.floor(random() * 9000)} · apply now</text>`,
  ];
  if (random() < 0.6) {
    const r = (60 + random() * 120) * s;
    parts.push(
      `<circle cx="${width * (0.55 + random() * 0.35)}" cy="${height * (0.45 + random() * 0.4)}" r="${r}" fill="#ffffff" fill-opacity="${(0.1 + random() * 0.2).toFixed(2)}"/>`,
    );
  }
  return parts.join('');
}

function textHeavy(random: () => number, width: number, height: number): string {
  const s = width / 1200;
  const parts = [`<rect width="100%" height="100%" fill="${hsl(random, 20, 94)}"/>`];
  const margin = (60 + random() * 60) * s;
  parts.push(
    `<rect x="${margin}" y="${margin}" width="${width * (0.4 + random() * 0.4)}" height="${(50 + random() * 20) * s}" fill="${hsl(random, 60, 35)}"/>`,
  );
  const columns = 1 + Math.floor(random() * 2);
  const gap = 40 * s;
  const columnWidth = (width - 2 * margin - (columns - 1) * gap) / columns;
  const lineHeight = (26 + random() * 14) * s;
  const glyph = lineHeight * 0.7;
  const ink = hsl(random, 10, 25);
  for (let c = 0; c < columns; c++) {
    let y = margin + 110 * s;
    while (y < height - margin) {
      // A paragraph's last line ends early: lines of unequal length, as real text has.
      const paragraphEnd = random() < 0.2;
      const length = paragraphEnd ? 0.2 + random() * 0.6 : 1;
      const x0 = margin + c * (columnWidth + gap);
      for (let x = x0; x < x0 + columnWidth * length - glyph; x += glyph * 1.1) {
        if (random() < 0.06) continue; // punctuation's gap
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(glyph * (0.7 + random() * 0.3)).toFixed(1)}" height="${(glyph * (0.6 + random() * 0.4)).toFixed(1)}" fill="${ink}"/>`,
        );
      }
      y += lineHeight * (paragraphEnd ? 1.8 : 1);
    }
  }
  return parts.join('');
}

/** A textured scene drawn pixel by pixel: smooth colour blobs, fine grain, and a few hard-edged objects. */
async function photo(random: () => number, width: number, height: number): Promise<Buffer> {
  const blobs = Array.from({ length: 6 }, () => ({
    x: random() * width,
    y: random() * height,
    r: (0.15 + random() * 0.4) * width,
    rgb: [random() * 255, random() * 255, random() * 255],
  }));
  const objects = Array.from({ length: 4 }, () => ({
    x: random() * width,
    y: random() * height,
    w: (0.05 + random() * 0.2) * width,
    h: (0.05 + random() * 0.3) * height,
    rgb: [random() * 255, random() * 255, random() * 255],
  }));
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rgb = [90, 90, 90];
      for (const b of blobs) {
        const weight = Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r));
        for (let k = 0; k < 3; k++) rgb[k]! += (b.rgb[k]! - 90) * weight;
      }
      const object = objects.find((o) => x >= o.x && x < o.x + o.w && y >= o.y && y < o.y + o.h);
      const grain = (random() - 0.5) * 50;
      for (let k = 0; k < 3; k++) pixels[(y * width + x) * 3 + k] = Math.max(0, Math.min(255, (object ? object.rgb[k]! : rgb[k]!) + grain));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/**
 * The poster of the originality finding: 1200×900, a two-colour gradient with only a faint caption and
 * shape (3% white). Its pHash alone moved 10 bits when resized to 1000×750 at quality 80 and 20 bits when
 * re-saved at quality 80, against a threshold of 10.
 */
export async function faintGradientPoster(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><defs><linearGradient id="g" gradientTransform="rotate(90 0.5 0.5)"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#e0e0ff"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><text x="120" y="260" font-family="sans-serif" font-size="40" fill="#ffffff" fill-opacity="0.03">Smart City 2025</text><circle cx="900" cy="620" r="90" fill="#ffffff" fill-opacity="0.015"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
