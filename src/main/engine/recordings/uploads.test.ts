import { describe, expect, it } from 'vitest';
import { MAX_OPEN_CHARS, UPLOAD_CHUNK_CHARS } from '../../../shared/recording';
import { Uploads } from './uploads';

const chunked = (text: string) =>
  Array.from({ length: Math.ceil(text.length / UPLOAD_CHUNK_CHARS) }, (_, i) =>
    text.slice(i * UPLOAD_CHUNK_CHARS, (i + 1) * UPLOAD_CHUNK_CHARS),
  );

describe('chunked uploads', () => {
  it('join chunks sent in order into the file, once', () => {
    const uploads = new Uploads();
    const text = 'x'.repeat(3 * UPLOAD_CHUNK_CHARS + 17);
    const parts = chunked(text);
    const id = uploads.begin(parts.length, text.length);
    parts.forEach((p, i) => uploads.add(id, i, p));
    expect(uploads.take(id)).toBe(text);
    expect(() => uploads.take(id)).toThrow('not under way');
  });

  it('refuse a chunk out of order, a missing one, and a count that does not fit the size', () => {
    const uploads = new Uploads();
    const id = uploads.begin(2, UPLOAD_CHUNK_CHARS + 1);
    expect(() => uploads.add(id, 1, 'b')).toThrow('Chunk 1 arrived where chunk 0 of 2 was due');
    const again = uploads.begin(2, UPLOAD_CHUNK_CHARS + 1);
    uploads.add(again, 0, 'a'.repeat(UPLOAD_CHUNK_CHARS));
    expect(() => uploads.take(again)).toThrow('Only 1 of 2 chunks');
    expect(() => uploads.begin(5, 10)).toThrow('not 5');
  });

  it('cap the size, saying what to open instead', () => {
    const uploads = new Uploads();
    expect(() => uploads.begin(81, MAX_OPEN_CHARS + 1)).toThrow(/at most 20 MB/);
    const id = uploads.begin(1, 10);
    expect(() => uploads.add(id, 0, 'x'.repeat(MAX_OPEN_CHARS + 1))).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('one pane’s .cast') }),
    );
  });

  it('forget an upload left idle for a minute', () => {
    let now = 0;
    const uploads = new Uploads(() => now);
    const id = uploads.begin(1, 1);
    now = 61_000;
    expect(() => uploads.add(id, 0, 'x')).toThrow('not under way');
  });
});
