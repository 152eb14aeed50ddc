// The app's modal dialogs (one ModalDialog): each is named by its title, Tab and Shift+Tab
// stay among its own controls, Esc closes it and the keyboard goes back where it was.
import { test, expect } from './fixtures';
import { headerTool } from './app';
import type { Locator, Page } from '@playwright/test';

/** Whether the focused element is inside `dialog`. */
const focusInside = (dialog: Locator) => dialog.evaluate((d) => d.contains(document.activeElement));

async function tabsStayInside(page: Page, dialog: Locator, presses: number): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(dialog), `after Tab ${i + 1}`).toBe(true);
  }
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInside(dialog), `after Shift+Tab ${i + 1}`).toBe(true);
  }
}

/** Opens a modal with `open`, checks it is named `name` and keeps Tab inside for `presses`. */
async function openModal(
  page: Page,
  open: () => Promise<void>,
  name: string,
  presses: number,
): Promise<Locator> {
  await open();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await tabsStayInside(page, dialog, presses);
  return dialog;
}

async function closesWithEscape(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('New container, Clean up and the shortcut list keep the keyboard and close with Esc', async ({
  app: page,
}) => {
  // More presses than the form has controls: Tab wraps from the last to the first.
  const form = await openModal(page, () => headerTool(page, 'New container'), 'New container', 20);
  await closesWithEscape(page, form);

  const cleanup = await openModal(page, () => headerTool(page, 'Clean up'), 'Clean up?', 4);
  await closesWithEscape(page, cleanup);

  const help = await openModal(page, () => page.keyboard.press('F1'), 'Keyboard shortcuts', 3);
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});
