// Trunk post_build hook: turns trunk's staging folder into the hostable app.
// - writes the external loader boot.<hash>.js and links it from index.html (no inline script);
// - copies the other files of public/ as they are.
// Runs with cwd = the repository; trunk sets TRUNK_STAGING_DIR and TRUNK_PROFILE.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, copyFileSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('finish-dist.mjs runs as a trunk hook: TRUNK_STAGING_DIR is not set');
const publicDir = 'public';

const staged = readdirSync(staging);
const appJs = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+\.js$/.test(name));
const appWasm = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+_bg\.wasm$/.test(name));
if (!appJs || !appWasm) throw new Error(`app files not found in ${staging}: ${staged.join(', ')}`);

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// Release builds: minify wasm-bindgen's JS glue (trunk minifies only HTML and CSS).
if (process.env.TRUNK_PROFILE === 'release') {
  const { minify } = await import('terser');
  const path = join(staging, appJs);
  const result = await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, result.code);
}

const boot = readFileSync(join(publicDir, 'boot.js'), 'utf8')
  .replaceAll('__APP_JS__', appJs)
  .replaceAll('__APP_WASM__', appWasm);
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(staging, bootName), boot);

for (const name of readdirSync(publicDir)) {
  if (name === 'boot.js' || !statSync(join(publicDir, name)).isFile()) continue;
  copyFileSync(join(publicDir, name), join(staging, name));
}

// The English table that build.rs wrote (see src/domain/i18n/mod.rs): loaded on demand.
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
const englishName = readFileSync(join(targetDir, 'i18n', 'en.name'), 'utf8').trim();
mkdirSync(join(staging, 'i18n'), { recursive: true });
copyFileSync(join(targetDir, 'i18n', 'en.json'), join(staging, englishName));

const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const bootTag = /(<script[^>]*\bsrc=["']?)(?:\.\/)?boot\.js/;
if (!bootTag.test(index)) throw new Error('index.html lacks <script type="module" src="./boot.js">');
index = index
  .replace(bootTag, `$1./${bootName}`)
  // With inject_scripts = false trunk leaves its own <link data-trunk rel="rust"> behind.
  .replace(/<link[^>]*data-trunk[^>]*>\s*/g, '');
writeFileSync(indexPath, index);
