// Starts Helhedsplan-tjek, and does the browser glue that must not wait for (or weigh on) the
// WebAssembly: the first screen's language, theme parameters, the service worker, and the
// height messages to a host page. It is an external file, not trunk's inline script, so the app
// runs under a strict Content-Security-Policy; and a classic script in <head>, so it runs before
// the first paint. scripts/build/finish-dist.mjs fills in the __PLACEHOLDERS__.
// Everything is inside one function, so that nothing of it becomes a global of the page.
(() => {
  const bootScript = document.currentScript;

  showStaticShell(chosenLanguage());
  applyTheme(new URLSearchParams(location.search));
  keepLanguageChoiceUntilStarted();

  import(new URL('./__APP_JS__', bootScript.src).href)
    .then(({ default: init }) => init({ module_or_path: new URL('./__APP_WASM__', bootScript.src) }))
    .then((wasm) => {
      // Read by scripts/bench to report WebAssembly memory.
      globalThis.helhedsplanTjek = { wasmMemory: wasm.memory };
    })
    .catch((error) => {
      console.error(error);
      // The static first screen (index.html) is still up: say it there, where "Indlæser …" was.
      const status = document.querySelector('#static-shell .pending');
      if (status) {
        status.textContent = document.documentElement.lang === 'en'
          ? 'Helhedsplan-tjek could not start in this browser. Try reloading the page, or use a newer browser. Your saved answers are not affected.'
          : 'Helhedsplan-tjek kunne ikke starte i denne browser. Prøv at genindlæse siden, eller brug en nyere browser. Dine gemte svar er ikke berørt.';
        status.setAttribute('role', 'alert');
      }
    });

  // The service worker downloads every file of this version, so it is registered once the first
  // screen is up and the browser idle (the app says so, src/browser/page.rs), never in its way.
  if (__SERVICE_WORKER__ && 'serviceWorker' in navigator) {
    addEventListener('helhedsplan-tjek:idle', registerServiceWorker, { once: true });
  }
  if (window.parent !== window) whenParsed(reportHeightToHost);

  // Runs `then` once the whole page is parsed: at once if it is, else when the document becomes
  // "interactive", which comes before DOMContentLoaded and before the first paint can show it.
  function whenParsed(then) {
    if (document.readyState !== 'loading') return then();
    document.addEventListener('readystatechange', function parsed() {
      document.removeEventListener('readystatechange', parsed);
      then();
    });
  }

  // --- The first screen in the chosen language ------------------------------------------------
  // The language the app will start in: the settings the app keeps in local storage
  // (`SETTINGS_KEY` in src/domain/settings.rs), Danish when none is chosen or storage is closed.
  function chosenLanguage() {
    try {
      return JSON.parse(localStorage.getItem('helhedsplan-tjek:settings'))?.lang === 'en' ? 'en' : 'da';
    } catch {
      return 'da';
    }
  }

  // index.html holds the first screen in Danish and, in <template id="static-shell-en">, in
  // English. For English the page stays hidden until the English screen is in place, so Danish is
  // never painted; the unused screen is dropped either way.
  function showStaticShell(lang) {
    const root = document.documentElement;
    if (lang === 'en') {
      root.lang = 'en';
      root.style.visibility = 'hidden';
    }
    whenParsed(() => {
      const english = document.getElementById('static-shell-en');
      try {
        const shell = document.getElementById('static-shell');
        if (lang === 'en' && english && shell) shell.replaceWith(english.content.cloneNode(true));
      } finally {
        english?.remove();
        root.style.removeProperty('visibility');
      }
    });
  }

  // The static first screen's language switch looks like the app's, and on a slow phone it is
  // on screen for seconds: a choice made there is shown as made at once, and handed to the app's
  // own switch (which loads the language, says so and keeps focus there) once the app has taken
  // over (its `helhedsplan-tjek:interactive` mark).
  function keepLanguageChoiceUntilStarted() {
    let chosen = null;
    const onClick = (event) => {
      const button = event.target.closest?.('#static-shell .lang-switch button[id]');
      if (!button) return;
      chosen = button.id;
      for (const option of document.querySelectorAll('#static-shell .lang-switch button')) {
        option.setAttribute('aria-pressed', String(option === button));
      }
    };
    document.addEventListener('click', onClick);
    if (typeof PerformanceObserver !== 'function') return;
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((entry) => entry.name === 'helhedsplan-tjek:interactive')) return;
      observer.disconnect();
      document.removeEventListener('click', onClick);
      if (chosen) document.getElementById(chosen)?.click();
    });
    observer.observe({ type: 'mark', buffered: true });
  }

  // --- Theme: colours, font and logo from URL parameters or a same-origin theme file ---------
  // Values are checked, then set as CSS custom properties (allowed under a strict CSP).
  function applyTheme(params) {
    const root = document.documentElement.style;
    const colour = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/;
    const variables = {
      primary: '--color-primary',
      'primary-dark': '--color-primary-dark',
      header: '--header-background',
      'header-text': '--header-text',
      text: '--color-text',
      background: '--color-background',
    };
    for (const [param, variable] of Object.entries(variables)) {
      const value = params.get(param);
      if (value && colour.test(value)) root.setProperty(variable, value);
    }
    const font = params.get('font');
    if (font && /^[\w ,'"-]{1,80}$/.test(font)) root.setProperty('--font-family', font);
    const sameOrigin = (value) => {
      try {
        const url = new URL(value, location.href);
        return url.origin === location.origin ? url : null;
      } catch {
        return null;
      }
    };
    const logo = params.get('logo') && sameOrigin(params.get('logo'));
    if (logo) root.setProperty('--logo-url', `url("${logo.href.replace(/["\\\n]/g, '')}")`);
    const theme = params.get('theme') && sameOrigin(params.get('theme'));
    if (theme && theme.pathname.endsWith('.css')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = theme.href;
      document.head.append(link);
    }
  }

  // --- Offline: a service worker keeps every file of this version -----------------------------
  // A new version waits until the user chooses to reload; answers in local storage are never
  // touched by an update.
  function registerServiceWorker() {
    navigator.serviceWorker.register('./sw.js').then((registration) => {
      const offer = (worker) => worker && navigator.serviceWorker.controller && showUpdateNotice(worker);
      offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
      });
    }).catch((error) => console.warn('service worker', error));
    // Reload only when the user chose the new version (not when the first worker takes over).
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (updateChosen) location.reload();
    });
  }

  let updateChosen = false;

  function showUpdateNotice(worker) {
    if (document.getElementById('update-notice')) return;
    const danish = !document.documentElement.lang.startsWith('en');
    const notice = document.createElement('div');
    notice.id = 'update-notice';
    notice.className = 'notice notice--info update-notice';
    notice.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = danish
      ? 'En ny version af Helhedsplan-tjek er klar. Jeres svar bliver, hvor de er.'
      : 'A new version of Helhedsplan-tjek is ready. Your answers stay where they are.';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = danish ? 'Brug den nye version' : 'Use the new version';
    button.addEventListener('click', () => {
      updateChosen = true;
      worker.postMessage('skip-waiting');
    });
    notice.append(text, button);
    whenParsed(() => document.body.prepend(notice));
  }

  // --- Embedded in an iframe: tell the host page our height -----------------------------------
  // Messages go only to the host's origin (`?parent=<origin>`, else the referrer's), never to
  // '*'; the host's "hello" is accepted only from that origin and from the parent window.
  function reportHeightToHost() {
    let origin = null;
    try {
      origin = new URL(new URLSearchParams(location.search).get('parent') ?? document.referrer).origin;
    } catch {
      return;
    }
    if (!origin || origin === 'null') return;
    document.documentElement.classList.add('embedded');
    let last = 0;
    const send = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: 'helhedsplan-tjek:height', height }, origin);
      }
    };
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || event.origin !== origin) return;
      if (event.data?.type === 'helhedsplan-tjek:hello') {
        last = 0;
        send();
      }
    });
    new ResizeObserver(send).observe(document.body);
    send();
  }
})();
