#!/usr/bin/env node
// Draws the extension's 128×128 icon (client/media/icon.png): a shield with clause lines and a check mark.
// Pure Node (zlib), 4×4 supersampling; run it again after changing the shapes.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const SIZE = 128;
const SAMPLES = 4;
const BACKGROUND = [29, 53, 87];
const SHIELD = [241, 250, 238];
const LINES = [69, 123, 157];
const CHECK = [42, 157, 143];

const insideRoundedSquare = (x, y) => {
  const r = 24,
    m = 4,
    lo = m + r,
    hi = SIZE - m - r;
  const cx = Math.min(Math.max(x, lo), hi),
    cy = Math.min(Math.max(y, lo), hi);
  return x >= m && x <= SIZE - m && y >= m && y <= SIZE - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const insideShield = (x, y) => {
  if (y < 20 || y > 112) return false;
  const half = y < 30 ? 16 + (y - 20) * 2.4 : y < 70 ? 40 : 40 * Math.sqrt(Math.max(0, 1 - ((y - 70) / 42) ** 2));
  return Math.abs(x - 64) <= half;
};
const nearSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
};
const colorAt = (x, y) => {
  if (!insideRoundedSquare(x, y)) return null;
  if (insideShield(x, y)) {
    if (nearSegment(x, y, [62, 84], [72, 94], 7) || nearSegment(x, y, [72, 94], [92, 70], 7)) return CHECK;
    for (const lineY of [44, 56, 68])
      if (nearSegment(x, y, [44, lineY], [lineY === 68 ? 64 : 84, lineY], 5)) return LINES;
    return SHIELD;
  }
  return BACKGROUND;
};

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = colorAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        r += color[0];
        g += color[1];
        b += color[2];
        a += 255;
      }
    }
    const n = SAMPLES * SAMPLES,
      covered = a / 255;
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[offset] = covered ? Math.round(r / covered) : 0;
    raw[offset + 1] = covered ? Math.round(g / covered) : 0;
    raw[offset + 2] = covered ? Math.round(b / covered) : 0;
    raw[offset + 3] = Math.round(a / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "media", "icon.png");
fs.writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
