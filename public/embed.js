// For the host page that embeds Helhedsplan-tjek in an iframe: sizes each iframe to its content.
// Usage (see README.md, "Embedding"):
//   <iframe src="https://tool.example/selvtest/?parent=https://host.example" data-helhedsplan-tjek
//           title="Helhedsplan-tjek" style="width:100%;border:0"></iframe>
//   <script src="https://tool.example/selvtest/embed.js" defer></script>
// Messages are accepted only from the iframe's own window and origin.
(() => {
  const frames = () => [...document.querySelectorAll('iframe[data-helhedsplan-tjek]')];
  const originOf = (frame) => new URL(frame.src, location.href).origin;
  window.addEventListener('message', (event) => {
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    const { type, height } = event.data ?? {};
    if (type === 'helhedsplan-tjek:height' && Number.isFinite(height)) {
      frame.style.height = `${Math.min(Math.max(Math.ceil(height), 200), 50000)}px`;
    }
  });
  const greet = (frame) => frame.contentWindow?.postMessage({ type: 'helhedsplan-tjek:hello' }, originOf(frame));
  for (const frame of frames()) {
    frame.addEventListener('load', () => greet(frame));
    greet(frame);
  }
})();
