// IP addresses, parsed by hand: this module is shared with the renderer, where Node's
// `net.isIP` does not exist, and the renderer carries no schema library (the main side's
// tests compare the two on the same inputs). No zone ids (`%eth0`): an engine's port
// binding has no use for them.

/** One IPv4 part: 0–255 in decimal, without a leading zero. */
const V4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;
/** One IPv6 group: 1–4 hex digits. */
const V6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isV4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => V4_PART.test(p));
}

/** How many 16-bit groups `part` (one side of a `::`) holds, or -1 if it is not valid. */
function groupsIn(part: string, last: boolean): number {
  if (part === '') return 0;
  const groups = part.split(':');
  const tail = groups[groups.length - 1]!;
  // An IPv4 address may end the whole address, standing for its last two groups.
  if (last && isV4(tail)) {
    const head = groups.slice(0, -1);
    return head.every((g) => V6_GROUP.test(g)) ? head.length + 2 : -1;
  }
  return groups.every((g) => V6_GROUP.test(g)) ? groups.length : -1;
}

function isV6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return groupsIn(text, true) === 8;
  const [before, after] = [groupsIn(halves[0]!, false), groupsIn(halves[1]!, true)];
  // `::` stands for at least one group of zeros.
  return before >= 0 && after >= 0 && before + after <= 7;
}

/** 4 or 6 for an IP address, 0 for anything else (as `net.isIP` answers). */
export function ipVersion(text: string): 0 | 4 | 6 {
  if (isV4(text)) return 4;
  if (isV6(text)) return 6;
  return 0;
}
