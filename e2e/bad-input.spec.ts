// Bad input gets a clear message in the form, keeps what was typed, and leaves
// nothing half created on the engine.
import { test, expect } from './fixtures';
import { createContainer, waitForPrompt } from './app';
import { docker, TEST_IMAGE } from './engine';

async function openForm(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'New container' }).first().click();
  return page.getByRole('dialog', { name: 'New container' });
}

async function containerExists(name: string): Promise<boolean> {
  const all = await docker.listContainers({ all: true, filters: { name: [`^/${name}$`] } });
  return all.length > 0;
}

test('each bad input is refused with what went wrong and what to do', async ({ app: page }) => {
  const dialog = await openForm(page);
  const submit = dialog.getByRole('button', { name: 'Create and start' });
  const alert = dialog.getByRole('alert');

  await dialog.getByLabel('Image', { exact: true }).fill(TEST_IMAGE);
  await dialog.getByLabel('Name', { exact: true }).fill('bad name!');
  await submit.click();
  await expect(alert).toContainText('name: Container names are at least 2 characters');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('bad name!');

  await dialog.getByLabel('Name', { exact: true }).fill('it-bad-port');
  await dialog.getByLabel('Published ports', { exact: true }).fill('70000:80');
  await submit.click();
  await expect(alert).toContainText('ports are numbers from 1 to 65535');

  await dialog.getByLabel('Published ports', { exact: true }).fill('');
  await dialog.getByLabel('Image', { exact: true }).fill('no-such-image:never');
  await submit.click();
  await expect(alert).toContainText('The image "no-such-image:never" is not on this engine.');
  await expect(alert).toContainText('docker pull');
  expect(await containerExists('it-bad-port')).toBe(false);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A host port already allocated: the second container is rolled back.
  await createContainer(page, { name: 'it-port-holder', ports: '18234:1234' });
  await waitForPrompt(page, 'it-port-holder');
  const again = await openForm(page);
  await again.getByLabel('Image', { exact: true }).fill(TEST_IMAGE);
  await again.getByLabel('Name', { exact: true }).fill('it-port-taker');
  await again.getByLabel('Published ports', { exact: true }).fill('18234:1234');
  await again.getByRole('button', { name: 'Create and start' }).click();
  await expect(again.getByRole('alert')).toContainText('host port 18234 is already in use');
  expect(await containerExists('it-port-taker')).toBe(false);

  // A name already in use.
  await again.getByLabel('Name', { exact: true }).fill('it-port-holder');
  await again.getByLabel('Published ports', { exact: true }).fill('');
  await again.getByRole('button', { name: 'Create and start' }).click();
  await expect(again.getByRole('alert')).toContainText(
    'A container named "it-port-holder" already exists.',
  );
});
