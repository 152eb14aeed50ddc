// The end of a console's recorded output: what a reopened console replays.

/** The last `n` lines of a TTY's output (the part after the last newline counts as one). */
export function lastLines(output: Buffer, n: number): Buffer {
  let at = output.length;
  // A newline that ends the output does not start another line.
  if (at > 0 && output[at - 1] === 0x0a) at--;
  for (let seen = 0; at > 0;) {
    const nl = output.lastIndexOf(0x0a, at - 1);
    if (nl < 0) return output;
    if (++seen === n) return output.subarray(nl + 1);
    at = nl;
  }
  return output;
}
