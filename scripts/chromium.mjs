// How Crosstalk's tests and benchmarks launch Chromium: Debian's binary (never
// a Playwright download), with the flags a closed network and root need.
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
