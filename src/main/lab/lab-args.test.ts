import { describe, expect, it } from 'vitest';
import { parseLabArgs } from './lab-args';

describe('parseLabArgs', () => {
  it('reads the action, the image and --json', () => {
    expect(parseLabArgs(['two-hosts', 'up', '--image', 'alpine:3', '--json'])).toEqual({
      action: 'up',
      image: 'alpine:3',
      json: true,
    });
    expect(parseLabArgs(['two-hosts', 'status'])).toEqual({ action: 'status', json: false });
  });

  it('refuses unknown labs, actions, options and bad image names, saying how to call it', () => {
    expect(() => parseLabArgs(['three-hosts', 'up'])).toThrow(/Unknown lab/);
    expect(() => parseLabArgs(['two-hosts', 'start'])).toThrow(/Unknown action/);
    expect(() => parseLabArgs(['two-hosts', 'up', '--force'])).toThrow(/Unknown option/);
    expect(() => parseLabArgs(['two-hosts', 'up', '--image', '$(rm -rf /)'])).toThrow(/image name/);
    expect(() => parseLabArgs(['two-hosts', 'down', '--image', 'x'])).toThrow(/Unknown option/);
  });
});
