import sharp, { type Sharp } from 'sharp';

/**
 * Test images for the originality tests, made in the tests: synthetic pictures (gradients, shapes, grain
 * and rendered text, each original different) and their altered copies. Deterministic: all comes from
 * seeded PRNGs.
 */

/** Mulberry32: a small seeded PRNG, enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const colour = (random: () => number) => `rgb(${Math.floor(random() * 256)},${Math.floor(random() * 256)},${Math.floor(random() * 256)})`;

/** An original picture (PNG, 400×300 or 300×400: small, to keep the suite fast) different for each seed. */
export async function makeOriginalImage(seed: number): Promise<Buffer> {
  const random = seededRandom(seed * 7919 + 1);
  const portrait = random() < 0.3;
  const width = portrait ? 300 : 400;
  const height = portrait ? 400 : 300;
  const shapes: string[] = [];
  const count = 4 + Math.floor(random() * 8);
  for (let i = 0; i < count; i++) {
    const x = random() * width;
    const y = random() * height;
    const size = 20 + random() * 120;
    const fill = colour(random);
    const opacity = (0.5 + random() * 0.5).toFixed(2);
    switch (pick(random, ['circle', 'rect', 'triangle', 'stripe'] as const)) {
      case 'circle':
        shapes.push(`<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${fill}" fill-opacity="${opacity}"/>`);
        break;
      case 'rect':
        shapes.push(
          `<rect x="${x}" y="${y}" width="${size}" height="${size * (0.3 + random())}" fill="${fill}" fill-opacity="${opacity}" transform="rotate(${random() * 90} ${x} ${y})"/>`,
        );
        break;
      case 'triangle':
        shapes.push(
          `<polygon points="${x},${y} ${x + size},${y + random() * size} ${x + random() * size},${y - size}" fill="${fill}" fill-opacity="${opacity}"/>`,
        );
        break;
      case 'stripe':
        shapes.push(`<line x1="${x}" y1="0" x2="${random() * width}" y2="${height}" stroke="${fill}" stroke-width="${5 + random() * 30}"/>`);
        break;
    }
  }
  const words = ['LEITAI', 'Smart City', '2025', 'AI+', 'Data', 'Health', 'Open Challenge', 'Demo'];
  const text = `<text x="${random() * width * 0.5}" y="${40 + random() * (height - 80)}" font-family="sans-serif" font-size="${16 + random() * 28}" fill="${colour(random)}">${pick(random, words)} ${seed}</text>`;
  const angle = random() * 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)">
      <stop offset="0" stop-color="${colour(random)}"/><stop offset="1" stop-color="${colour(random)}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}${text}</svg>`;
  // Grain over everything: random grey at 12% opacity.
  const noise = Buffer.alloc(width * height * 4);
  const noiseRandom = seededRandom(seed + 99);
  for (let i = 0; i < noise.length; i += 4) {
    noise[i] = noise[i + 1] = noise[i + 2] = Math.floor(noiseRandom() * 256);
    noise[i + 3] = 30;
  }
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, raw: { width, height, channels: 4 }, blend: 'over' }])
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export type ImageAlteration =
  | 'resized to 50%'
  | 'resized to 200%'
  | 'JPEG quality 40'
  | 'cropped 3–5% per side'
  | 'brightened 10%'
  | 'cropped, resized and re-compressed'
  | 'flipped horizontally'
  | 'resized to 83% at quality 80'
  | 're-saved at quality 80'
  | 'PNG to JPEG'
  | 'JPEG to PNG'
  | 'watermark text';

export const imageAlterations: readonly ImageAlteration[] = [
  'resized to 50%',
  'resized to 200%',
  'JPEG quality 40',
  'cropped 3–5% per side',
  'brightened 10%',
  'cropped, resized and re-compressed',
  'flipped horizontally',
  'resized to 83% at quality 80',
  're-saved at quality 80',
  'PNG to JPEG',
  'JPEG to PNG',
  'watermark text',
];

/** An altered copy of an original, as a plagiarist might make it. */
export async function alterImage(original: Buffer, alteration: ImageAlteration, seed: number): Promise<Buffer> {
  const { width, height } = await sharp(original).metadata();
  const random = seededRandom(seed * 31 + 7);
  const crop = (image: Sharp) => {
    const side = () => 0.03 + random() * 0.02;
    const left = Math.round(width * side());
    const right = Math.round(width * side());
    const top = Math.round(height * side());
    const bottom = Math.round(height * side());
    return image.extract({ left, top, width: width - left - right, height: height - top - bottom });
  };
  switch (alteration) {
    case 'resized to 50%':
      return sharp(original)
        .resize(Math.round(width / 2))
        .jpeg({ quality: 90 })
        .toBuffer();
    case 'resized to 200%':
      return sharp(original)
        .resize(width * 2)
        .jpeg({ quality: 90 })
        .toBuffer();
    case 'JPEG quality 40':
      return sharp(original).jpeg({ quality: 40 }).toBuffer();
    case 'cropped 3–5% per side':
      return crop(sharp(original)).png({ compressionLevel: 1 }).toBuffer();
    case 'brightened 10%':
      return sharp(original).modulate({ brightness: 1.1 }).jpeg({ quality: 90 }).toBuffer();
    case 'cropped, resized and re-compressed': {
      const cropped = await crop(sharp(original)).png({ compressionLevel: 1 }).toBuffer();
      return sharp(cropped)
        .resize(Math.round(width * 0.7))
        .jpeg({ quality: 60 })
        .toBuffer();
    }
    case 'flipped horizontally':
      return sharp(original).flop().jpeg({ quality: 90 }).toBuffer();
    // The finding of the originality issue: a 1200×900 poster resized to 1000×750 at quality 80.
    case 'resized to 83% at quality 80':
      return sharp(original)
        .resize(Math.round(width * 0.83))
        .jpeg({ quality: 80 })
        .toBuffer();
    case 're-saved at quality 80':
      return sharp(original).jpeg({ quality: 80 }).toBuffer();
    case 'PNG to JPEG':
      return sharp(original).jpeg({ quality: 92 }).toBuffer();
    // A JPEG found on the web, saved again as PNG.
    case 'JPEG to PNG':
      return sharp(await sharp(original).jpeg({ quality: 85 }).toBuffer())
        .png()
        .toBuffer();
    case 'watermark text':
      return sharp(original)
        .composite([{ input: watermark(width, height, random) }])
        .jpeg({ quality: 90 })
        .toBuffer();
  }
}

/** A credit line in a corner, as a plagiarist's (or a stock site's) watermark: white, half opaque, with a dark edge. */
function watermark(width: number, height: number, random: () => number): Buffer {
  const size = Math.round(height * (0.04 + random() * 0.02));
  const right = random() < 0.5;
  const x = right ? width - size : size;
  const y = height - size;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${x}" y="${y}" text-anchor="${right ? 'end' : 'start'}" font-family="sans-serif" font-weight="bold" font-size="${size}" fill="#ffffff" fill-opacity="0.6" stroke="#000000" stroke-opacity="0.3" stroke-width="${Math.max(1, size / 16).toFixed(1)}">© Studio ${Math.floor(random() * 900 + 100)} · sample</text></svg>`,
  );
}
