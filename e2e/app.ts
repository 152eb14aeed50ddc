// How a person drives Crosstalk, as reusable steps for the specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_IMAGE } from './engine';

export interface NewContainer {
  name: string;
  image?: string;
  ports?: string;
  links?: string[];
  network?: string;
  command?: string;
}

/**
 * Runs one of the header's tools as a person finds it: its button where the line has room
 * for it, else its item in the More actions menu.
 */
export async function headerTool(page: Page, name: string): Promise<void> {
  const bar = page.getByRole('banner');
  const button = bar.getByRole('button', { name, exact: true });
  if (await button.isVisible()) return button.click();
  await bar.getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu', { name: 'More actions' });
  await menu
    .getByRole('menuitem', { name, exact: true })
    .or(menu.getByRole('menuitemcheckbox', { name, exact: true }))
    .click();
}

export async function createContainer(page: Page, spec: NewContainer): Promise<Locator> {
  await page.getByRole('button', { name: 'New container' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New container' });
  await dialog.getByLabel('Image', { exact: true }).fill(spec.image ?? TEST_IMAGE);
  await dialog.getByLabel('Name', { exact: true }).fill(spec.name);
  if (spec.command) await dialog.getByLabel('Command', { exact: true }).fill(spec.command);
  if (spec.ports) await dialog.getByLabel('Published ports', { exact: true }).fill(spec.ports);
  // The select's name includes its chosen option ("Network default (bridge)").
  if (spec.network)
    await dialog.getByRole('combobox', { name: /^Network/ }).selectOption(spec.network);
  for (const link of spec.links ?? [])
    await dialog.getByRole('checkbox', { name: link, exact: true }).check();
  await dialog.getByRole('button', { name: 'Create and start' }).click();
  await expect(dialog).toBeHidden();
  return pane(page, spec.name);
}

export function pane(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

export function consoleOf(page: Page, name: string): Locator {
  return pane(page, name).getByRole('group', { name: `${name} console`, exact: true });
}

/** Types a line into a container's console, as a person would. */
export async function typeLine(page: Page, name: string, line: string): Promise<void> {
  const console = consoleOf(page, name);
  await console.click();
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Waits until a console is attached and shows its shell prompt. */
export async function waitForPrompt(page: Page, name: string): Promise<void> {
  await expect(consoleOf(page, name)).toContainText('#');
}
