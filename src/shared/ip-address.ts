// IP addresses, parsed by zod's own IPv4/IPv6 validators: this module is shared with
// the renderer, where Node's `net.isIP` does not exist (the main side's tests compare
// the two on the same inputs). zod/mini, not zod: the renderer bundles only these two
// validators instead of all of zod.
import * as z from 'zod/mini';

const v4 = z.ipv4();
const v6 = z.ipv6();

/** 4 or 6 for an IP address, 0 for anything else (as `net.isIP` answers). */
export function ipVersion(text: string): 0 | 4 | 6 {
  if (v4.safeParse(text).success) return 4;
  if (v6.safeParse(text).success) return 6;
  return 0;
}
