import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './cli-args';

describe('parseWebArgs', () => {
  it('defaults to loopback, the kept port, the kept token, and opening the browser', () => {
    expect(parseWebArgs([])).toEqual({
      port: null,
      open: true,
      host: '127.0.0.1',
      engine: null,
      newToken: false,
    });
  });
  it('takes --new-token', () => {
    expect(parseWebArgs(['--new-token']).newToken).toBe(true);
  });
  it('takes --port N, --port=N, --no-open and --host', () => {
    expect(parseWebArgs(['--port', '5170', '--no-open'])).toEqual({
      port: 5170,
      open: false,
      host: '127.0.0.1',
      engine: null,
      newToken: false,
    });
    expect(parseWebArgs(['--port=8080', '--host', '0.0.0.0']).port).toBe(8080);
    expect(parseWebArgs(['--host=::1']).host).toBe('::1');
  });
  it('takes --engine NAME and --engine=ID', () => {
    expect(parseWebArgs(['--engine', 'ct-podman']).engine).toBe('ct-podman');
    expect(parseWebArgs(['--engine=context:remote']).engine).toBe('context:remote');
    expect(() => parseWebArgs(['--engine'])).toThrow(/needs a value/);
  });
  it('rejects bad ports and unknown flags with a clear message', () => {
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/0 to 65535/);
    expect(() => parseWebArgs(['--port', 'abc'])).toThrow(/not "abc"/);
    expect(() => parseWebArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseWebArgs(['--bogus'])).toThrow(/Unknown option --bogus/);
  });
});
