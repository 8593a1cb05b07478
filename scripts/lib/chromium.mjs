// Launch options for Debian's Chromium, shared by the Playwright config, the benchmark and the
// screenshot tool. Never a downloaded browser. The flags keep Chromium off the network.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};
