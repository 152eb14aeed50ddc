// The Electron fuses a Crosstalk build flips (Electron's security checklist), with
// @electron/fuses, on a copy of the Electron binary that is being shipped:
//   node scripts/electron-fuses.mjs <path to the packaged app's electron binary>
// Not on node_modules/electron's own binary: the e2e Electron project launches that
// one through Playwright, which needs the --inspect arguments these fuses turn off.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

export const CROSSTALK_FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect cannot turn the app into a Node with its rights.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The window loads from crosstalk://app; file:// pages get no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // OnlyLoadAppFromAsar and EnableEmbeddedAsarIntegrityValidation stay as they are:
  // they need the app packed as an asar, which this project does not build yet.
};

/** Flips the fuses on the binary at `path`; resolves with the wire as it now reads. */
export async function fuseElectron(path) {
  const binary = realpathSync(path);
  if (binary.startsWith(realpathSync('.') + '/node_modules/')) {
    throw new Error(
      `${path} is the development binary (Playwright's Electron launcher needs --inspect); fuse a packaged copy.`,
    );
  }
  await flipFuses(binary, CROSSTALK_FUSES);
  return getCurrentFuseWire(binary);
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node scripts/electron-fuses.mjs <path to a packaged electron binary>');
    process.exit(2);
  }
  fuseElectron(path).then(
    (wire) => console.log(`fuses set on ${path}:`, wire),
    (error) => {
      console.error(`electron-fuses: ${error.message}`);
      process.exit(1);
    },
  );
}
