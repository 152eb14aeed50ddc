// A very large paste asks first, as terminals do (a stray Ctrl+V of a log file should not
// type megabytes into a shell). The check runs in the capture phase, before xterm's own
// paste handler on its text area sees the event.

/** Pastes above this many characters wait for a yes. */
export const LARGE_PASTE_CHARS = 256 * 1024;

export function guardLargePaste(host: HTMLElement, ask: (text: string) => void): () => void {
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= LARGE_PASTE_CHARS) return;
    e.preventDefault();
    e.stopPropagation();
    ask(text);
  };
  host.addEventListener('paste', onPaste, { capture: true });
  return () => host.removeEventListener('paste', onPaste, { capture: true });
}
