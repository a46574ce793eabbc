// Makes the tray icon's state variants from the base icons (run once; the PNGs are committed):
// a badge in the corner says the state at a glance — orange: changes allowed, red: a sign-in needs
// attention, grey: paused — and a faded icon means not connected. macOS template images are
// monochrome, so there the badge is a solid dot and "not connected" is the faded icon.
//   node scripts/make-tray-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const COLOURS = { 'writes-on': [245, 124, 0], error: [222, 53, 11], paused: [120, 120, 120] };

function variant(base, state, template) {
  const png = PNG.sync.read(readFileSync(path.join(resources, base)));
  const { width, height, data } = png;
  if (state === 'not-connected') {
    for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i] * 0.45);
  } else if (state !== 'read-only') {
    const r = Math.max(3, Math.round(width * 0.22));
    const cx = width - r - 1;
    const cy = height - r - 1;
    const [red, green, blue] = template ? [0, 0, 0] : COLOURS[state];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d > r + 1) continue;
        const i = (y * width + x) * 4;
        // A clear ring around the dot keeps it readable on the icon.
        if (d > r) data[i + 3] = 0;
        else [data[i], data[i + 1], data[i + 2], data[i + 3]] = [red, green, blue, 255];
      }
    }
  }
  return PNG.sync.write(png);
}

for (const state of ['not-connected', 'read-only', 'writes-on', 'paused', 'error']) {
  writeFileSync(path.join(resources, `tray-${state}.png`), variant('tray.png', state, false));
  writeFileSync(path.join(resources, `trayTemplate-${state}.png`), variant('trayTemplate.png', state, true));
  writeFileSync(path.join(resources, `trayTemplate-${state}@2x.png`), variant('trayTemplate@2x.png', state, true));
}
console.log('tray icons written to', resources);
