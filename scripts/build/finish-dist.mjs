// Trunk post_build hook: turns trunk's staging folder into the hostable app.
// - copies public/ and the English text table (written by build.rs);
// - writes the external loader boot-<hash>.js and links it from index.html (no inline script);
// - writes the service worker with this version's file list (release builds only);
// - minifies the JS in release builds (trunk minifies only HTML and CSS).
// Runs with cwd = the repository; trunk sets TRUNK_STAGING_DIR and TRUNK_PROFILE.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, copyFileSync, statSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('finish-dist.mjs runs as a trunk hook: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';
const publicDir = 'public';
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const { minify } = release ? await import('terser') : { minify: null };
const minified = async (code) => (release ? (await minify(code, { module: true, compress: { passes: 2 }, mangle: true })).code : code);

const staged = readdirSync(staging);
const appJs = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+\.js$/.test(name));
const appWasm = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+_bg\.wasm$/.test(name));
if (!appJs || !appWasm) throw new Error(`app files not found in ${staging}: ${staged.join(', ')}`);
if (release) writeFileSync(join(staging, appJs), await minified(readFileSync(join(staging, appJs), 'utf8')));

// Files for hosts and the browser, as they are (boot.js and sw.js are templates, below).
for (const name of readdirSync(publicDir)) {
  if (['boot.js', 'sw.js'].includes(name) || !statSync(join(publicDir, name)).isFile()) continue;
  copyFileSync(join(publicDir, name), join(staging, name));
}

// The English text table that build.rs wrote (see src/domain/i18n/mod.rs): loaded on demand.
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
const englishName = readFileSync(join(targetDir, 'i18n', 'en.name'), 'utf8').trim();
mkdirSync(join(staging, 'i18n'), { recursive: true });
copyFileSync(join(targetDir, 'i18n', 'en.json'), join(staging, englishName));

const boot = await minified(
  readFileSync(join(publicDir, 'boot.js'), 'utf8')
    .replaceAll('__APP_JS__', appJs)
    .replaceAll('__APP_WASM__', appWasm)
    .replaceAll('__SERVICE_WORKER__', String(release)),
);
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(staging, bootName), boot);

const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const bootTag = /(<script[^>]*\bsrc=["']?)(?:\.\/)?boot\.js/;
if (!bootTag.test(index)) throw new Error('index.html lacks <script type="module" src="./boot.js">');
index = index
  .replace(bootTag, `$1./${bootName}`)
  // With inject_scripts = false trunk leaves its own <link data-trunk rel="rust"> behind.
  .replace(/<link[^>]*data-trunk[^>]*>\s*/g, '');
writeFileSync(indexPath, index);

// The service worker caches every file the app needs, and is named by their content, so a new
// build is a new version.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split('\\').join('/'));
  }
};
walk(staging);
const needed = files.filter((f) => !['embed.js', 'theme-example.css', 'sw.js'].includes(f)).sort();
const version = hash(needed.map((f) => `${f}:${hash(readFileSync(join(staging, f)))}`).join('\n'));
const precache = ['./', ...needed.map((f) => `./${f}`)];
const sw = readFileSync(join(publicDir, 'sw.js'), 'utf8')
  .replaceAll('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(precache));
writeFileSync(join(staging, 'sw.js'), await minified(sw));
