/**
 * Generates the Teams icons of the four web parts: `<componentId>_color.png` (192×192, a glyph
 * on a coloured tile) and `<componentId>_outline.png` (32×32, white glyph on transparent), as
 * Teams requires. No image libraries and no downloads: shapes are rasterised here with 4×4
 * supersampling and written as PNG with Node's zlib.
 *
 * Run: ./node_modules/.bin/node teams/.tools/generate-icons.js
 * (it lives in a dot folder because package-solution ships every file under teams/ into the
 * .sppkg, skipping only *.map files and dot folders).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const TEAMS_DIR = path.join(__dirname, '..');

// ---- PNG encoding (RGBA, 8 bits per channel, no interlace) ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array of size*size*4) as a PNG. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

// ---- Glyphs: shapes on a unit square (0..1), tested per sample point ----

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** Triangle by its three corners (barycentric sign test). */
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

const GLYPHS = {
  // A checklist: three ticks-as-dots and three lines.
  objectivesTracker: union(
    circle(0.25, 0.28, 0.07), rect(0.38, 0.24, 0.8, 0.32),
    circle(0.25, 0.5, 0.07), rect(0.38, 0.46, 0.8, 0.54),
    circle(0.25, 0.72, 0.07), rect(0.38, 0.68, 0.8, 0.76)
  ),
  // A rising bar chart on a baseline.
  benefitsTracker: union(
    rect(0.2, 0.55, 0.32, 0.78), rect(0.4, 0.42, 0.52, 0.78), rect(0.6, 0.24, 0.72, 0.78),
    rect(0.14, 0.8, 0.86, 0.86)
  ),
  // A warning triangle with an exclamation mark cut out.
  riskRegister: minus(
    triangle(0.5, 0.14, 0.88, 0.84, 0.12, 0.84),
    union(rect(0.46, 0.36, 0.54, 0.62), circle(0.5, 0.72, 0.05))
  ),
  // A document with a folded corner and lines of text cut out.
  highlightReport: minus(
    minus(rect(0.24, 0.14, 0.76, 0.86), triangle(0.62, 0.14, 0.77, 0.14, 0.77, 0.29)),
    union(rect(0.32, 0.36, 0.68, 0.41), rect(0.32, 0.5, 0.68, 0.55), rect(0.32, 0.64, 0.56, 0.69))
  )
};

/** Tile colours of the colour icons (accessible with white glyphs). */
const TILES = {
  objectivesTracker: [0x00, 0x5a, 0x9e],
  benefitsTracker: [0x10, 0x7c, 0x10],
  riskRegister: [0xa4, 0x26, 0x2c],
  highlightReport: [0x5c, 0x2d, 0x91]
};

/** Renders a glyph: white on the tile colour, or white on transparent when tile is undefined. */
function render(size, glyph, tile, padding) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          // Map the pixel into the glyph's unit square, leaving `padding` around it.
          const u = ((px + (sx + 0.5) / samples) / size - padding) / (1 - 2 * padding);
          const v = ((py + (sy + 0.5) / samples) / size - padding) / (1 - 2 * padding);
          if (glyph(u, v)) hits++;
        }
      }
      const coverage = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (tile) {
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(tile[c] * (1 - coverage) + 255 * coverage);
        rgba[i + 3] = 255;
      } else {
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
        rgba[i + 3] = Math.round(255 * coverage);
      }
    }
  }
  return encodePng(size, rgba);
}

/** Reads a web part manifest (JSON with comments) and returns its component id. */
function componentId(folder) {
  const dir = path.join(__dirname, '..', '..', 'src', 'webparts', folder);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.manifest.json'));
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const match = /"id"\s*:\s*"([0-9a-f-]{36})"/i.exec(text);
  if (!match) throw new Error(`No component id in ${file}`);
  return match[1];
}

function main() {
  for (const folder of Object.keys(GLYPHS)) {
    const id = componentId(folder);
    fs.writeFileSync(path.join(TEAMS_DIR, `${id}_color.png`), render(192, GLYPHS[folder], TILES[folder], 0.12));
    fs.writeFileSync(path.join(TEAMS_DIR, `${id}_outline.png`), render(32, GLYPHS[folder], undefined, 0.02));
    console.log(`${folder}: ${id}_color.png, ${id}_outline.png`);
  }
}

main();
