# Shared set-up for the scripts. Each step installs what is missing and skips what is already
# there at the right version, so a warm machine is fast and a fresh Debian machine with rustup,
# Node and npm still works. Only crates.io, npm and Debian's registries are used.
# Source it from a script in scripts/: it moves to the repository root.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4
GECKODRIVER_VERSION=0.37.1
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  }
}

# ensure_cargo_tool BINARY VERSION CRATE [cargo install flags…]
ensure_cargo_tool() {
  local binary=$1 version=$2 crate=$3
  shift 3
  if command -v "$binary" >/dev/null && "$binary" --version 2>/dev/null | grep -q " $version\b"; then
    return
  fi
  say "installing $crate $version (once per machine; this takes a few minutes)"
  cargo install "$crate" --version "$version" "$@"
}

ensure_trunk() {
  # trunk 0.22 needs a newer rustc than this machine's 1.95.
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
}

ensure_wasm_bindgen() {
  # Not --locked: the locked tree asks for a crate version this registry lacks.
  ensure_cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
}

# npm packages: wasm-opt (binaryen), Playwright and axe-core. Reinstalled only when
# package-lock.json changes. Playwright never downloads a browser here.
ensure_node_packages() {
  local stamp=node_modules/.installed-lock
  if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
    return
  fi
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
}

# wasm-split-cli cuts the app into parts (scripts/build/split-app.mjs). 0.2.4 is the first that
# reads what wasm-bindgen 0.2.128 and later expect. It prints no version, so cargo's own list of
# installed crates says which one is there.
ensure_wasm_split() {
  if command -v wasm-split-cli >/dev/null && cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    return
  fi
  say "installing wasm_split_cli_support $WASM_SPLIT_VERSION (once per machine; this takes a minute)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_node_packages
}

# Debian packages: Chromium and its driver for the browser tests, poppler for reading PDFs.
ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# The second browser engine, for scripts/test only: Debian's Firefox ESR, and geckodriver from
# crates.io to drive it over WebDriver (Playwright's own Firefox build is not in any registry).
ensure_firefox() {
  if ! command -v firefox-esr >/dev/null; then
    say "installing firefox-esr from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr
  fi
  ensure_cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
}

# build_dist OUT: the release build, as static files in OUT.
build_dist() {
  local out=$1
  if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ] && [ ! -f "$out/index.html" ]; then
    echo "refusing to write into $out: it is not empty and holds no earlier build" >&2
    exit 2
  fi
  say "building the release into $out"
  trunk build --offline --release --dist "$out"
}
