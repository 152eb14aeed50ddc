// WCAG contrast of rendered text against what is painted behind it, from getComputedStyle:
// the text's colour (with its own and its ancestors' opacity) over the nearest background
// (a colour, or every stop of a gradient: the worst counts), itself blended over what is
// behind it. Normal text needs 4.5:1 (WCAG 2 AA); a line that carries meaning, 3:1 (non-text
// contrast), measured the same way from its stroke.
import type { Locator } from '@playwright/test';

export interface TextContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/** The contrast of every visible piece of text matched by `selector` under `root`. */
export function textContrasts(root: Locator, selector: string): Promise<TextContrast[]> {
  return contrastsOf(root, selector, { lines: false, alsoBehind: null });
}

/**
 * The contrast of every SVG line matched by `selector` under `root`: its stroke against what
 * its ancestors paint, and against each element matched by `alsoBehind` (boxes drawn under it).
 */
export function lineContrasts(
  root: Locator,
  selector: string,
  alsoBehind: string,
): Promise<TextContrast[]> {
  return contrastsOf(root, selector, { lines: true, alsoBehind });
}

function contrastsOf(
  root: Locator,
  selector: string,
  options: { lines: boolean; alsoBehind: string | null },
): Promise<TextContrast[]> {
  return root.evaluate(
    (rootEl, { sel, lines, alsoBehind }) => {
      type Rgba = [number, number, number, number];
      const parse = (css: string): Rgba[] =>
        [...css.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
          const [r, g, b, a] = m[1]!
            .split(/[\s,/]+/)
            .filter(Boolean)
            .map(Number);
          return [r!, g!, b!, a ?? 1];
        });
      const over = (top: Rgba, under: Rgba): Rgba => {
        const a = top[3];
        return [
          top[0] * a + under[0] * (1 - a),
          top[1] * a + under[1] * (1 - a),
          top[2] * a + under[2] * (1 - a),
          1,
        ];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const lin = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      /** The colours painted behind an element: every stop of the nearest background, blended down. */
      const backgroundsOf = (el: Element | null): Rgba[] => {
        if (!el) return [[255, 255, 255, 1]];
        const style = getComputedStyle(el);
        const stops = parse(style.backgroundImage === 'none' ? '' : style.backgroundImage);
        const colour = parse(style.backgroundColor)[0]!;
        const own = stops.length ? stops : colour[3] > 0 ? [colour] : [];
        if (own.every((c) => c[3] >= 1)) return own.length ? own : backgroundsOf(el.parentElement);
        const under = backgroundsOf(el.parentElement);
        return own.flatMap((c) => under.map((u) => over(c, u)));
      };
      const opacityOf = (el: Element | null): number =>
        el ? Number(getComputedStyle(el).opacity) * opacityOf(el.parentElement) : 1;
      const out: { text: string; ratio: number; color: string; background: string }[] = [];
      const measure = (label: string, colour: string, host: Element, behind: Rgba[]) => {
        const [fg] = parse(colour);
        const painted: Rgba = [fg![0], fg![1], fg![2], fg![3] * opacityOf(host)];
        const worst = Math.min(...behind.map((b) => ratio(over(painted, b), b)));
        out.push({
          text: label.slice(0, 40),
          ratio: Math.round(worst * 100) / 100,
          color: colour,
          background: behind
            .map((b) => `rgb(${b.slice(0, 3).map(Math.round).join(', ')})`)
            .join(' … '),
        });
      };
      if (lines) {
        const boxes = alsoBehind ? [...rootEl.querySelectorAll(alsoBehind)] : [];
        for (const el of rootEl.querySelectorAll(sel)) {
          if (el.getClientRects().length === 0) continue;
          const behind = [...backgroundsOf(el), ...boxes.flatMap((b) => backgroundsOf(b))];
          const label = el.closest('[aria-label]')?.getAttribute('aria-label') ?? sel;
          measure(label, getComputedStyle(el).stroke, el, behind);
        }
        return out;
      }
      for (const el of rootEl.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const host = n.parentElement!;
          if (!n.textContent!.trim() || host.closest('[aria-hidden="true"]')) continue;
          if (host.getClientRects().length === 0) continue;
          measure(n.textContent!.trim(), getComputedStyle(host).color, host, backgroundsOf(host));
        }
      }
      return out;
    },
    { sel: selector, ...options },
  );
}
