// /proc/net/tcp{,6} print an address as 32-bit words in the kernel's byte order: "0100007F"
// is 127.0.0.1 on a little-endian host. Every Docker host we meet (x86-64, arm64) is one.

/** Bytes of one hex-printed address, in network order. */
function addressBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    for (let i = word + 6; i >= word; i -= 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  }
  return bytes;
}

/** RFC 5952 text: lower-case, no leading zeros, the longest run of two or more zero groups as "::". */
function formatIpv6(bytes: number[]): string {
  const isMapped =
    bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = Array.from(
    { length: 8 },
    (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0),
  );
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (best.start < 0) return hex(groups);
  return `${hex(groups.slice(0, best.start))}::${hex(groups.slice(best.start + best.length))}`;
}

/** Decodes "0100007F" (family 4) or a 32-digit tcp6 address (family 6); null when malformed. */
export function decodeHexIp(hex: string, family: 4 | 6): string | null {
  if (hex.length !== (family === 4 ? 8 : 32) || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  const bytes = addressBytes(hex);
  return family === 4 ? bytes.join('.') : formatIpv6(bytes);
}
