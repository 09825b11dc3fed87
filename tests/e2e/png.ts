/**
 * Minimal PNG reader for the e2e checks (8-bit RGB or RGBA, non-interlaced: what Chromium writes for
 * screenshots and canvas exports), so a test can count pixels without an image library.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, row-major. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

export function decodePng(data: Buffer): Image {
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      const colorType = body[9];
      const interlace = body[12];
      if (bitDepth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
        throw new Error(
          `Unsupported PNG (depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`,
        );
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const current = new Uint8Array(stride);
  const previous = new Uint8Array(stride);
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? current[i - channels]! : 0;
      const up = previous[i]!;
      const upLeft = i >= channels ? previous[i - channels]! : 0;
      const value = line[i]!;
      switch (filter) {
        case 0:
          current[i] = value;
          break;
        case 1:
          current[i] = (value + left) & 255;
          break;
        case 2:
          current[i] = (value + up) & 255;
          break;
        case 3:
          current[i] = (value + ((left + up) >> 1)) & 255;
          break;
        case 4:
          current[i] = (value + paeth(left, up, upLeft)) & 255;
          break;
        default:
          throw new Error(`Bad PNG filter ${filter}`);
      }
    }
    for (let x = 0; x < width; x++) {
      const target = (y * width + x) * 4;
      pixels[target] = current[x * channels]!;
      pixels[target + 1] = current[x * channels + 1]!;
      pixels[target + 2] = current[x * channels + 2]!;
      pixels[target + 3] = channels === 4 ? current[x * channels + 3]! : 255;
    }
    previous.set(current);
  }
  return { width, height, pixels };
}

/** Pixels within `tolerance` (per channel) of a colour given as #rrggbb. */
export function countColor(image: Image, hex: string, tolerance = 40): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = (value >> 16) & 255;
  const g = (value >> 8) & 255;
  const b = value & 255;
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    if (
      Math.abs(image.pixels[i]! - r) <= tolerance &&
      Math.abs(image.pixels[i + 1]! - g) <= tolerance &&
      Math.abs(image.pixels[i + 2]! - b) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

/** Pixels that are not (near) white. */
export function countInk(image: Image): number {
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    if (image.pixels[i]! < 235 || image.pixels[i + 1]! < 235 || image.pixels[i + 2]! < 235) count++;
  }
  return count;
}
