// Draws Tether's icons (two linked rings) as PNGs into resources/. Run again after changing the design.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set(pixel((x + 0.5) / size, (y + 0.5) / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const ring = (x, y, cx, cy) => Math.abs(Math.hypot(x - cx, y - cy) - 0.2) < 0.055;
const rings = (x, y) => ring(x, y, 0.37, 0.5) || ring(x, y, 0.63, 0.5);

const icon = (x, y) => {
  const inside = Math.max(Math.abs(x - 0.5), Math.abs(y - 0.5)) < 0.46;
  if (!inside) return [0, 0, 0, 0];
  return rings(x, y) ? [255, 255, 255, 255] : [0, 82, 204, 255];
};
const tray = (color) => (x, y) => (rings(x, y) ? color : [0, 0, 0, 0]);

writeFileSync(path.join(out, 'icon.png'), png(512, icon));
writeFileSync(path.join(out, 'tray.png'), png(32, tray([0, 82, 204, 255])));
// macOS template images: black + alpha, the system tints them for light and dark menu bars.
writeFileSync(path.join(out, 'trayTemplate.png'), png(16, tray([0, 0, 0, 255])));
writeFileSync(path.join(out, 'trayTemplate@2x.png'), png(32, tray([0, 0, 0, 255])));
