// Splits a command line the way a POSIX shell splits words (quotes and
// backslashes, no expansion), so "nc -lp 1234" becomes ["nc", "-lp", "1234"].
import { AppError } from '../../shared/errors';

export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) {
    throw new AppError(
      'invalid-input',
      `The command has an unclosed ${quote} quote.`,
      'Close the quote, or remove it.',
    );
  }
  if (inWord) words.push(word);
  return words;
}
