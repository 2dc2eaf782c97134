#!/usr/bin/env node
// Draws the Reach Guard icon (a blue shield crossed by a white "stop" bar) at every size the
// manifest and Outlook ask for, and writes them as PNGs into assets/. Sizes: 16/32/80 are
// required for ribbon buttons, 20/24/40/48/64 are used on high-DPI screens (xml-manifest-overview,
// "Icons. Required sizes: 16, 32, 80; optional: 20, 24, 40, 48, 64"); 64 and 128 back IconUrl and
// HighResolutionIconUrl. Only Node's zlib is used, so the icons can be rebuilt anywhere:
//   node scripts/build/make-icons.js
const { Buffer } = require("node:buffer");
const { deflateSync } = require("node:zlib");
const { writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const BLUE = [0x00, 0x5e, 0xb8]; // high contrast against both light and dark ribbons
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 6; // per axis, for anti-aliased edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (width * height * 4 bytes) as a PNG: signature, IHDR, one IDAT, IEND. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter type None
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Which paint covers the point (x, y) of the unit square: null, "shield" or "bar". */
function paintAt(x, y) {
  const top = 0.1;
  const shoulder = 0.52;
  const bottom = 0.95;
  const halfWidth = 0.37;
  if (y < top || y > bottom) return null;
  const t = y <= shoulder ? 0 : (y - shoulder) / (bottom - shoulder);
  const half = halfWidth * (1 - t * t); // straight sides, then a curve down to the point
  if (Math.abs(x - 0.5) > half) return null;
  if (Math.abs(y - 0.47) <= 0.075 && Math.abs(x - 0.5) <= 0.21) return "bar";
  return "shield";
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let shield = 0;
      let bar = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const paint = paintAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (paint === "shield") shield += 1;
          else if (paint === "bar") bar += 1;
        }
      }
      const covered = shield + bar;
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c += 1) {
        rgba[offset + c] = Math.round((BLUE[c] * shield + WHITE[c] * bar) / covered);
      }
      rgba[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const dir = join(__dirname, "..", "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(join(dir, `icon-${size}.png`), drawIcon(size));
  }
  console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
}

if (require.main === module) main();

module.exports = { encodePng, crc32, SIZES };
