// How long the page waits before each attempt to reach a stopped browser-mode server: soon at
// first (a restart takes a second or two), then every 10 s, so a server that stays down costs
// the page nothing.
const DELAYS_MS = [500, 1000, 2000, 4000, 8000];
export const MAX_RECONNECT_DELAY_MS = 10_000;

/** The wait before attempt `attempt + 1` (attempt 0 is the first retry). */
export function reconnectDelay(attempt: number): number {
  return DELAYS_MS[attempt] ?? MAX_RECONNECT_DELAY_MS;
}
