// Cuts the app's WebAssembly into parts (the `split` feature, src/ui/pages/parts.rs), for
// finish-dist.mjs. Trunk cannot do this itself (trunk#1022): the cut must come between cargo and
// wasm-bindgen, so the steps trunk took are redone here on cargo's own output:
//   1. wasm-split-cli cuts cargo's .wasm (linked with --emit-relocs, build.rs) into
//      the main module, one module per part, chunks of code that several parts share, and
//      __wasm_split.js, which fetches a part and its chunks when the app first needs them;
//   2. wasm-bindgen (the version Cargo.lock pins) makes the main module's JS glue, keeping the
//      exports the parts link against (--keep-lld-exports);
//   3. wasm-opt shrinks every module, in release builds with trunk's own settings;
//   4. every file is named by its content, and the names they use for each other are rewritten.
// Trunk's own app files are then replaced by these.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext'];

// Whether wasm-bindgen's glue for this build expects the parts' loader: the app was built with
// `split`, whose split points import from wasm-split's placeholder module until they are cut.
export const isSplitBuild = (appJsText) => appJsText.includes('__wasm_split_placeholder__');

export function splitApp({ staging, targetDir, release, appJs, appWasm, hash }) {
  const profileDir = release ? 'release' : 'debug';
  const cargoWasm = join(targetDir, 'wasm32-unknown-unknown', profileDir, 'helhedsplan-tjek.wasm');
  if (!existsSync(cargoWasm)) throw new Error(`split build: cargo's ${cargoWasm} is not there`);
  checkWasmBindgenVersion();

  const work = mkdtempSync(join(tmpdir(), 'helhedsplan-split-'));
  try {
    run('wasm-split-cli', [cargoWasm, work, '--target', 'web', '--out-name', 'app']);
    run('wasm-bindgen', [join(work, 'app.wasm'), '--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', join(work, 'bound'), '--out-name', 'app']);

    const modules = readdirSync(work).filter((name) => /^(split|chunk)_.+\.wasm$/.test(name));
    const optimise = (from, to) =>
      release
        ? run(join('node_modules', '.bin', 'wasm-opt'), ['-Oz', ...WASM_OPT_FEATURES, '--strip-producers', from, '-o', to])
        : cpSync(from, to);
    optimise(join(work, 'bound', 'app_bg.wasm'), join(work, 'main.wasm'));

    // The parts and chunks, named by content, in parts/: part-<name>-<hash>.wasm, chunk-<hash>.wasm.
    mkdirSync(join(staging, 'parts'), { recursive: true });
    const renamed = new Map();
    for (const name of modules) {
      optimise(join(work, name), join(work, `${name}.opt`));
      const bytes = readFileSync(join(work, `${name}.opt`));
      const part = name.match(/^split_(.+)\.wasm$/)?.[1].replaceAll('_', '-');
      const target = `parts/${part ? `part-${part}` : 'chunk'}-${hash(bytes)}.wasm`;
      writeFileSync(join(staging, target), bytes);
      renamed.set(name, target);
    }

    // The main module's glue and the parts' loader name each other, so both are named by one
    // hash of everything they hold.
    const mainWasm = readFileSync(join(work, 'main.wasm'));
    let glue = readFileSync(join(work, 'bound', 'app.js'), 'utf8');
    let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    for (const [from, to] of renamed) loader = replaceExactlyOnce(loader, `"./${from}"`, `"./${to}"`);
    const build = hash([hash(mainWasm), hash(glue), hash(loader)].join(':'));
    const names = {
      appJs: `helhedsplan-tjek-${build}.js`,
      appWasm: `helhedsplan-tjek-${build}_bg.wasm`,
      loader: `helhedsplan-tjek-${build}-parts.js`,
    };
    // Only the module specifiers: the imports object's keys are the main module's own import
    // names, which stay "./__wasm_split.js".
    const imports = glue.split('from "./__wasm_split.js"').length - 1;
    if (imports === 0) throw new Error('split build: the glue does not import the parts\' loader');
    glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${names.loader}"`);
    loader = replaceExactlyOnce(loader, 'from "./app.js"', `from "./${names.appJs}"`);

    for (const name of [appJs, appWasm]) rmSync(join(staging, name));
    writeFileSync(join(staging, names.appJs), glue);
    writeFileSync(join(staging, names.appWasm), mainWasm);
    writeFileSync(join(staging, names.loader), loader);
    // The JS snippets the app links (pdf.js' adapter): the same files trunk staged, from this run.
    if (existsSync(join(work, 'bound', 'snippets'))) {
      cpSync(join(work, 'bound', 'snippets'), join(staging, 'snippets'), { recursive: true });
    }
    return { ...names, parts: [...renamed.values()] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(command, args) {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(`split build: ${command} failed: ${error.stderr?.toString() || error.message}`);
  }
}

// The glue must come from the wasm-bindgen that Cargo.lock pins, as trunk's did.
function checkWasmBindgenVersion() {
  const locked = readFileSync('Cargo.lock', 'utf8').match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  const installed = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1];
  if (locked !== installed) {
    throw new Error(`split build: wasm-bindgen ${installed} is installed, Cargo.lock pins ${locked} (scripts/lib/setup.sh installs it)`);
  }
}

function replaceExactlyOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`split build: expected ${from} exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
