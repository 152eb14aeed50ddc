// The documentation links the app shows, and so the only URLs the desktop window
// opens in the person's browser (exact matches, https only). The app shows none
// today, so every attempt to open a window is refused; a link added to the UI must
// be listed here too (documentation-links.test.ts checks the renderer's sources).
export const DOCUMENTATION_LINKS: readonly string[] = [];

export function mayOpenExternally(url: string): boolean {
  return url.startsWith('https://') && DOCUMENTATION_LINKS.includes(url);
}
