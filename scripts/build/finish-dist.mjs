// Trunk post_build hook: turns trunk's staging folder into the hostable app.
// - copies public/ and the English text table (written by build.rs);
// - writes the external loader boot-<hash>.js and links it from index.html (no inline script);
// - puts the static first screen in index.html, in Danish and English (written by build.rs);
// - in release builds, adds the README's Content-Security-Policy to index.html as a <meta>;
// - writes the service worker with this version's file list (release builds only);
// - minifies the JS in release builds (trunk minifies only HTML and CSS);
// - in release builds, writes a brotli (.br) and a gzip (.gz) copy beside each text and
//   WebAssembly file, for hosts that serve precompressed files.
// Runs with cwd = the repository; trunk sets TRUNK_STAGING_DIR and TRUNK_PROFILE.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, copyFileSync, statSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { isSplitBuild, splitApp } from './split-app.mjs';
import { brotliCompressSync, gzipSync, brotliDecompressSync, gunzipSync, constants } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('finish-dist.mjs runs as a trunk hook: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';
const publicDir = 'public';
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const { minify } = release ? await import('terser') : { minify: null };
const minified = async (code, { module = true } = {}) =>
  release ? (await minify(code, { module, compress: { passes: 2 }, mangle: true })).code : code;

const staged = readdirSync(staging);
let appJs = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+\.js$/.test(name));
let appWasm = staged.find((name) => /^helhedsplan-tjek-[0-9a-f]+_bg\.wasm$/.test(name));
if (!appJs || !appWasm) throw new Error(`app files not found in ${staging}: ${staged.join(', ')}`);
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
// The app in parts (the `split` feature): trunk's app files are replaced by the cut ones.
let partsLoader = null;
if (isSplitBuild(readFileSync(join(staging, appJs), 'utf8'))) {
  const split = splitApp({ staging, targetDir, release, appJs, appWasm, hash });
  ({ appJs, appWasm } = split);
  partsLoader = split.loader;
}
for (const js of [appJs, partsLoader].filter(Boolean)) {
  if (release) writeFileSync(join(staging, js), await minified(readFileSync(join(staging, js), 'utf8')));
}

// The scanner worker (src/bin/scanner.rs), which reads a plan the user gives: trunk names its
// files without a hash, so name them by their content here, and tell the app where its loader
// is (a <meta> in index.html). It is fetched only when someone gives the tool a plan.
let scannerLoader = null;
if (staged.includes('scanner_loader.js')) {
  const renameByContent = (from, to) => {
    const content = readFileSync(join(staging, from));
    const name = to(hash(content));
    renameSync(join(staging, from), join(staging, name));
    return name;
  };
  const wasmName = renameByContent('scanner_bg.wasm', (h) => `scanner-${h}_bg.wasm`);
  // (Trunk has minified it already; as a classic script its global `wasm_bindgen` must stay.)
  const jsName = renameByContent('scanner.js', (h) => `scanner-${h}.js`);
  const loader = `importScripts("./${jsName}");wasm_bindgen({module_or_path:"./${wasmName}"});\n`;
  rmSync(join(staging, 'scanner_loader.js'));
  scannerLoader = `scanner-loader-${hash(loader)}.js`;
  writeFileSync(join(staging, scannerLoader), loader);
}

// pdf.js, the app's own copy, loaded only when someone gives the tool a PDF (src/browser/pdf_text.js).
mkdirSync(join(staging, 'pdfjs'), { recursive: true });
for (const name of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
  copyFileSync(join('node_modules', 'pdfjs-dist', 'build', name), join(staging, 'pdfjs', name));
}

// Files for hosts and the browser, as they are (boot.js and sw.js are templates, below).
for (const name of readdirSync(publicDir)) {
  if (['boot.js', 'sw.js'].includes(name) || !statSync(join(publicDir, name)).isFile()) continue;
  copyFileSync(join(publicDir, name), join(staging, name));
}

// The English text table that build.rs wrote (see src/domain/i18n/mod.rs): loaded on demand.
const englishName = readFileSync(join(targetDir, 'i18n', 'en.name'), 'utf8').trim();
mkdirSync(join(staging, 'i18n'), { recursive: true });
copyFileSync(join(targetDir, 'i18n', 'en.json'), join(staging, englishName));

const boot = await minified(
  readFileSync(join(publicDir, 'boot.js'), 'utf8')
    .replaceAll('__APP_JS__', appJs)
    .replaceAll('__APP_WASM__', appWasm)
    .replaceAll('__SERVICE_WORKER__', String(release)),
  // A classic script (see index.html), so not minified as a module.
  { module: false },
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
if (scannerLoader) {
  index = index.replace('</head>', `<meta name="helhedsplan-tjek-scanner" content="./${scannerLoader}"></head>`);
}
// The static first screen, its words filled in by build.rs from locales/ui.toml and the catalogue:
// the Danish one in the template's place, the English one beside it for boot.js.
const shellTemplate = /<template id="?static-shell-template"?>[\s\S]*?<\/template>/;
if (!shellTemplate.test(index)) throw new Error('index.html lacks <template id="static-shell-template">');
const shell = (lang) => readFileSync(join(targetDir, 'i18n', `shell.${lang}.html`), 'utf8');
index = index.replace(shellTemplate, () => `${shell('da')}<template id="static-shell-en">${shell('en')}</template>`);
// A host that sends no Content-Security-Policy header (a plain static host) still gets the
// policy the README documents, as a <meta> before any script. Release builds only: `trunk serve`
// adds an inline script of its own for reloading.
if (release) {
  const readme = readFileSync('README.md', 'utf8');
  const policy = readme.match(/^Content-Security-Policy: (.+)$/m)?.[1].trim();
  if (!policy || policy.includes('unsafe-inline')) throw new Error('README.md names no strict Content-Security-Policy');
  const charset = /<meta charset="?utf-8"?>/i;
  if (!charset.test(index)) throw new Error('index.html lacks <meta charset="utf-8">');
  index = index.replace(charset, (tag) => `${tag}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}
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
// What reads a plan (the scanner worker and pdf.js) is cached when first used, not with the rest:
// most visitors never give the tool a plan.
const onFirstUse = (f) => f.startsWith('pdfjs/') || f.startsWith('scanner-');
const needed = files.filter((f) => !['embed.js', 'theme-example.css', 'sw.js'].includes(f) && !onFirstUse(f)).sort();
const versioned = files.filter((f) => !['embed.js', 'theme-example.css', 'sw.js'].includes(f)).sort();
const version = hash(versioned.map((f) => `${f}:${hash(readFileSync(join(staging, f)))}`).join('\n'));
const precache = ['./', ...needed.map((f) => `./${f}`)];
const sw = readFileSync(join(publicDir, 'sw.js'), 'utf8')
  .replaceAll('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(precache))
  .replace('__ON_FIRST_USE__', JSON.stringify(files.filter(onFirstUse).map((f) => `./${f}`)));
writeFileSync(join(staging, 'sw.js'), await minified(sw));

// Precompressed copies (release builds): a host such as nginx with `gzip_static` and
// `brotli_static` sends `app.wasm.br` for `app.wasm` to a browser that accepts brotli, without
// compressing on every request, and at the strongest settings, which are too slow for that.
// Written last, so the service worker's list holds only the files themselves; a copy that would
// not be smaller is left out (the host then sends the file as it is).
if (release) {
  const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.wasm']);
  for (const file of [...new Set(files.concat('sw.js'))].filter((f) => compressible.has(extname(f)))) {
    const path = join(staging, file);
    const bytes = readFileSync(path);
    const copies = [
      ['.br', brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }), brotliDecompressSync],
      ['.gz', gzipSync(bytes, { level: 9 }), gunzipSync],
    ];
    for (const [suffix, packed, unpack] of copies) {
      if (packed.length >= bytes.length) continue;
      if (!unpack(packed).equals(bytes)) throw new Error(`${file}${suffix} does not unpack to ${file}`);
      writeFileSync(`${path}${suffix}`, packed);
    }
  }
}
