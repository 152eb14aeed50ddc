// Pulling where an image is named: the New container form finds the image
// missing, offers to pull it from the local registry (started by the test
// set-up: about 250 MB in three layers), shows each layer's phase and bytes and
// the total while it comes, and then creates the container from it.
import { test, expect } from './fixtures';
import { testEngines } from '../scripts/test-engines/engines.mjs';
import { docker } from './engine';
import { pane } from './app';
import { docsShot } from './docs-shot';

const BIG = `127.0.0.1:${testEngines().registry.port}/crosstalk-big:latest`;
/** The container first: an image a container still uses would only lose its tag, its layers staying. */
const removeBig = async () => {
  await docker
    .getContainer('pulled')
    .remove({ force: true })
    .catch(() => undefined);
  await docker
    .getImage(BIG)
    .remove({ force: true })
    .catch(() => undefined);
};

test.beforeEach(removeBig);
test.afterEach(removeBig);

test('the New container form pulls a missing image with per-layer progress, then creates from it', async ({
  app: page,
}) => {
  await page.getByRole('button', { name: 'New container' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New container' });
  await dialog.getByLabel('Image', { exact: true }).fill(BIG);
  await dialog.getByLabel('Name', { exact: true }).fill('pulled');
  await expect(dialog.getByRole('note')).toContainText('is not on this engine');
  await dialog.getByRole('button', { name: `Pull ${BIG}` }).click();

  const pull = dialog.getByRole('region', { name: `Pull of ${BIG}` });
  // Each layer gets a row with its bytes while it downloads.
  await expect(pull.getByRole('row', { name: /^Layer / }).first()).toBeVisible();
  await expect(pull.locator('tbody')).toContainText(/\d+(\.\d)? MB \/ 80\.0 MB/, {
    timeout: 30_000,
  });
  await expect(pull.getByTestId('pull-total')).toContainText(/of 2\d\d\.\d MB/);
  await docsShot(page, 'screenshot-pull.png');

  // Done: the progress goes, and the image is no longer missing.
  await expect(pull).toBeHidden({ timeout: 90_000 });
  await expect(dialog.getByRole('note')).toBeHidden();
  await expect(docker.getImage(BIG).inspect()).resolves.toBeTruthy();
  await dialog.getByRole('button', { name: 'Create and start' }).click();
  await expect(dialog).toBeHidden();
  await expect(pane(page, 'pulled')).toBeVisible();
});
