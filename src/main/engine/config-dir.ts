// Where Crosstalk keeps its own files on this machine (settings, browser mode's access), as
// each platform keeps applications' settings. CROSSTALK_CONFIG_DIR moves it (tests use a
// temporary folder). No dependencies: browser mode reads it before anything else loads.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function configDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env['CROSSTALK_CONFIG_DIR']) return env['CROSSTALK_CONFIG_DIR'];
  if (platform === 'win32')
    return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'Crosstalk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Crosstalk');
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'crosstalk');
}
