// The pictures in README and docs/ are taken by the e2e run, but written there only when asked
// (`npm run docs:screenshots`, which sets CT_SCREENSHOTS=1): an ordinary test run leaves the
// tree as it found it and puts its pictures with the test's results.
import { test, type Page } from '@playwright/test';

/** Whether this run writes the docs' pictures. */
export const writingDocs = process.env['CT_SCREENSHOTS'] === '1';

/** A screenshot named as in docs/; there when asked, else in the test's output folder. */
export async function docsShot(page: Page, name: `${string}.png`): Promise<void> {
  const path = writingDocs ? `docs/${name}` : test.info().outputPath(name);
  await page.screenshot({ path });
}
