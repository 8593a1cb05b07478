// Starts the WebAssembly app. It is an external file, not trunk's inline script, so the app runs
// under a Content-Security-Policy without 'unsafe-inline'. scripts/build/finish-dist.mjs fills in
// the hashed file names and saves it as boot.<hash>.js.
import init from './__APP_JS__';

const status = document.getElementById('boot-status');

init({ module_or_path: new URL('./__APP_WASM__', import.meta.url) })
  .then((wasm) => {
    // Read by scripts/bench to report WebAssembly memory.
    globalThis.helhedsplanTjek = { wasmMemory: wasm.memory };
  })
  .catch((error) => {
    console.error(error);
    if (status) {
      status.textContent =
        'Helhedsplan-tjek kunne ikke starte i denne browser. Prøv at genindlæse siden, eller brug en nyere browser. Dine gemte svar er ikke berørt.';
      status.setAttribute('role', 'alert');
    }
  });
