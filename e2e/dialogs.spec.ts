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

test('New container, Clean up and the shortcut list keep the keyboard and close with Esc', async ({
  app: page,
}) => {
  await headerTool(page, 'New container');
  const form = page.getByRole('dialog', { name: 'New container' });
  await expect(form).toBeVisible();
  // More presses than the form has controls: Tab wraps from the last to the first.
  await tabsStayInside(page, form, 20);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await headerTool(page, 'Clean up');
  const cleanup = page.getByRole('dialog', { name: 'Clean up?' });
  await expect(cleanup).toBeVisible();
  await tabsStayInside(page, cleanup, 4);
  await page.keyboard.press('Escape');
  await expect(cleanup).toBeHidden();

  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await tabsStayInside(page, help, 3);
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});
