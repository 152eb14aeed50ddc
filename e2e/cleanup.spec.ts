// Clean up asks first: it lists exactly what it will remove (names and kinds), Cancel removes
// nothing, and confirming removes those and nothing the person made themselves.
import { test, expect } from './fixtures';
import { headerTool, pane } from './app';
import { TEST_IMAGE, docker, startShell } from './engine';

const names = async () =>
  (await docker.listContainers({ all: true })).flatMap((c) => c.Names.map((n) => n.slice(1)));

test('Clean up lists what it will remove, and Cancel keeps it', async ({ app: page }) => {
  const bystander = `bystander-${Date.now()}`;
  await startShell('alpha');
  await startShell('beta');
  // Made by the person, not by Crosstalk: never listed, never removed.
  await (
    await docker.createContainer({ name: bystander, Image: TEST_IMAGE, Cmd: ['bash'], Tty: true })
  ).start();
  try {
    await expect(pane(page, 'alpha')).toBeVisible();
    await expect(pane(page, 'beta')).toBeVisible();
    await headerTool(page, 'Clean up');
    const dialog = page.getByRole('dialog', { name: 'Clean up?' });
    await expect(dialog).toBeVisible();
    const containers = dialog.getByRole('list', { name: 'Containers to remove' });
    await expect(containers.getByRole('listitem')).toHaveText([/^alpha running/, /^beta running/]);
    await expect(dialog.getByRole('list', { name: 'Networks to remove' })).toHaveText(/stage/);
    await expect(dialog).not.toContainText(bystander);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await names()).toEqual(expect.arrayContaining(['alpha', 'beta', bystander]));
    await expect(pane(page, 'alpha')).toBeVisible();

    await headerTool(page, 'Clean up');
    await dialog.getByRole('button', { name: 'Remove 3' }).click();
    await expect(pane(page, 'alpha')).toHaveCount(0);
    await expect(pane(page, 'beta')).toHaveCount(0);
    await expect(page.getByText('Removed 2 container(s) and 1 network(s)')).toBeVisible();
    const left = await names();
    expect(left).not.toContain('alpha');
    expect(left).not.toContain('beta');
    expect(left).toContain(bystander);
    expect((await docker.listNetworks({ filters: { name: ['stage'] } })).length).toBe(0);
  } finally {
    await docker
      .getContainer(bystander)
      .remove({ force: true })
      .catch(() => undefined);
  }
});
