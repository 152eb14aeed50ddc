import { describe, expect, it } from 'vitest';
import { fitHeader, type HeaderPart } from './header-fit';

const part = (id: string, width: number, inMenu = true): HeaderPart => ({
  id,
  width,
  gap: 8,
  inMenu,
});
const parts = [
  part('endpoint', 100, false),
  part('help', 30),
  part('reader', 70),
  part('diagram', 80),
];

describe('fitHeader', () => {
  it('shows every part where the line holds them, without a menu', () => {
    const fit = fitHeader({ room: 320, parts, more: 40, moreAlways: false });
    expect([...fit.shown]).toEqual(['endpoint', 'help', 'reader', 'diagram']);
    expect(fit.more).toBe(false);
  });

  it('gives way most expendable first, and counts the More button it brings', () => {
    // Without the endpoint and help 166 px would remain, in 170; but More (40) comes with
    // help, so reader gives way too.
    const fit = fitHeader({ room: 170, parts, more: 40, moreAlways: false });
    expect([...fit.shown]).toEqual(['diagram']);
    expect(fit.more).toBe(true);
  });

  it('hides a part with no menu entry without bringing the menu', () => {
    const fit = fitHeader({ room: 210, parts, more: 40, moreAlways: false });
    expect([...fit.shown]).toEqual(['help', 'reader', 'diagram']);
    expect(fit.more).toBe(false);
  });

  it('counts the menu from the start when it always shows', () => {
    const fit = fitHeader({ room: 210, parts, more: 40, moreAlways: true });
    expect([...fit.shown]).toEqual(['reader', 'diagram']);
    expect(fit.more).toBe(true);
  });

  it('keeps nothing optional in no room', () => {
    const fit = fitHeader({ room: 0, parts, more: 40, moreAlways: false });
    expect(fit.shown.size).toBe(0);
    expect(fit.more).toBe(true);
  });
});
