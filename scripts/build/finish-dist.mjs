// Trunk post_build hook: turns trunk's staging folder into the hostable app.
// - writes the external loader boot.<hash>.js and links it from index.html (no inline script);
// - copies the other files of public/ as they are.
// Runs with cwd = the repository; trunk sets TRUNK_STAGING_DIR and TRUNK_PROFILE.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('finish-dist.mjs runs as a trunk hook: TRUNK_STAGING_DIR is not set');
const publicDir = 'public';

const staged = readdirSync(staging);
const appJs = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+\.js$/.test(name));
const appWasm = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+_bg\.wasm$/.test(name));
if (!appJs || !appWasm) throw new Error(`app files not found in ${staging}: ${staged.join(', ')}`);

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const boot = readFileSync(join(publicDir, 'boot.js'), 'utf8')
  .replaceAll('__APP_JS__', appJs)
  .replaceAll('__APP_WASM__', appWasm);
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(staging, bootName), boot);

for (const name of readdirSync(publicDir)) {
  if (name === 'boot.js' || !statSync(join(publicDir, name)).isFile()) continue;
  copyFileSync(join(publicDir, name), join(staging, name));
}

const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');
if (!index.includes('<!-- boot-script -->')) throw new Error('index.html lacks the <!-- boot-script --> marker');
index = index
  .replace('<!-- boot-script -->', `<script type="module" src="./${bootName}"></script>`)
  .replace(/^.*finish-dist\.mjs replaces this line.*\n/m, '')
  // With inject_scripts = false trunk leaves its own <link data-trunk rel="rust"> behind.
  .replace(/^\s*<link[^>]*data-trunk[^>]*>\s*\n/gm, '');
writeFileSync(indexPath, index);
