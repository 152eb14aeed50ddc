// Driving the lesson panel as a person would.
import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_IMAGE } from './engine';
import { waitForPrompt } from './app';

export async function openLesson(page: Page, title: string, image = TEST_IMAGE): Promise<Locator> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('tab', { name: title }).click();
  const lesson = page.getByRole('article', { name: title });
  await lesson.getByLabel('Lesson image').fill(image);
  await lesson.getByRole('button', { name: 'Set up' }).click();
  await expect(lesson.getByRole('button', { name: 'Set up again' })).toBeVisible({
    timeout: 30_000,
  });
  return lesson;
}

export function step(lesson: Locator, title: string): Locator {
  return lesson.getByRole('listitem', { name: title });
}

/** Clicks a step's command buttons, one after another, with a pause for the shell. */
export async function runCommands(page: Page, s: Locator, consoles: string[]): Promise<void> {
  for (const name of consoles) await waitForPrompt(page, name);
  const buttons = s.locator('button.cmd');
  const n = await buttons.count();
  for (let i = 0; i < n; i++) {
    await buttons.nth(i).click();
    await page.waitForTimeout(400);
  }
}

/** Presses the step's Check and expects the engine to confirm it. */
export async function expectCheck(s: Locator, detail: RegExp): Promise<void> {
  await s.getByRole('button', { name: 'Check' }).click();
  const status = s.getByRole('status').first();
  await expect(status).toContainText('✓');
  await expect(status).toContainText(detail);
}

/** The shown panes' names in reading order (row by row, left to right), as the grid places them. */
export async function panesInOrder(page: Page): Promise<string[]> {
  const panes = page.getByRole('main', { name: 'Containers' }).locator(':scope > section');
  const placed = await panes.evaluateAll((els) =>
    els
      .filter((el) => !(el as HTMLElement).hidden)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label') ?? '', y: Math.round(box.y), x: box.x };
      }),
  );
  return placed.sort((a, b) => a.y - b.y || a.x - b.x).map((p) => p.name);
}

/** The step's evidence reads as the console shows it: the text, no escape codes. */
export async function expectPlainEvidence(s: Locator, shows: string): Promise<void> {
  const evidence = s.locator('pre.evidence');
  await expect(evidence).toContainText(shows);
  const text = await evidence.textContent();
  // eslint-disable-next-line no-control-regex -- escape codes are what must not show
  expect(text).not.toMatch(/\x1b|\[\?2004|\r/);
}
