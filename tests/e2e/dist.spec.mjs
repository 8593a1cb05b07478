// The release files as a host gets them. Proves: "scripts/dist also writes a brotli (.br) and a
// gzip (.gz) copy beside each text and WebAssembly file".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';

const dist = process.env.E2E_DIST ?? 'target/e2e-dist';

function filesIn(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [relative(dist, path)];
  });
}

test('each text and WebAssembly file has a brotli and a gzip copy that unpacks to it, and the service worker caches neither', () => {
  const files = filesIn(dist);
  const originals = files.filter((f) => /\.(html|m?js|css|json|svg|webmanifest|wasm)$/.test(f));
  // The app's main module, the scanner, and the app's parts with the chunks they share (each
  // named by the parts' loader, and no file in parts/ that it does not name).
  const wasm = originals.filter((f) => f.endsWith('.wasm'));
  const parts = wasm.filter((f) => f.startsWith('parts/'));
  expect(wasm.length - parts.length, 'the app and the scanner').toBe(2);
  const [loader] = originals.filter((f) => /^helhedsplan-tjek-[0-9a-f]+-parts\.js$/.test(f));
  const named = [...readFileSync(join(dist, loader), 'utf8').matchAll(/"\.\/(parts\/[^"]+\.wasm)"/g)].map((m) => m[1]);
  expect(parts.filter((f) => /^parts\/part-/.test(f)).length, 'a part per group of later screens').toBe(7);
  expect(new Set(named)).toEqual(new Set(parts));
  for (const file of originals) {
    const bytes = readFileSync(join(dist, file));
    for (const [suffix, unpack] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      if (!files.includes(file + suffix)) {
        // Left out only where packing would not make it smaller.
        expect(bytes.length, `${file}${suffix} is missing`).toBeLessThan(200);
        continue;
      }
      const packed = readFileSync(join(dist, file + suffix));
      expect(unpack(packed).equals(bytes), `${file}${suffix} unpacks to ${file}`).toBe(true);
      expect(packed.length, `${file}${suffix} is smaller`).toBeLessThan(bytes.length);
    }
  }
  // Nothing else is compressed (images already are), and no copy is itself copied.
  const copies = files.filter((f) => f.endsWith('.br') || f.endsWith('.gz'));
  expect(copies.every((f) => originals.includes(f.replace(/\.(br|gz)$/, '')))).toBe(true);
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  expect(sw).not.toMatch(/\.(br|gz)"/);
});
