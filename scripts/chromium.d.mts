/** Launch options for Debian's Chromium, shared by playwright.config.ts and bench/. */
export const chromiumLaunchOptions: { executablePath: string; args: string[] };
