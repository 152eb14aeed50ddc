// The engine streams events and pull progress as JSON lines, in chunks that cut lines anywhere.

/** Returns a `data` handler that calls `onLine` with each complete, non-empty, trimmed line. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) onLine(line);
    }
  };
}
