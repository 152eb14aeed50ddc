// Crosstalk's own settings on this machine (not the docker CLI's): one JSON file in the
// config folder, shared by the desktop app and browser mode. Today it remembers the engine
// chosen in the switcher. CROSSTALK_CONFIG_DIR moves it (tests use a temporary folder).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { configDir } from './config-dir';

/** Unknown keys are kept: a newer Crosstalk's settings survive an older one writing. */
const settingsSchema = z.looseObject({ engine: z.string().min(1).max(1000).optional() });
export type AppSettings = z.infer<typeof settingsSchema>;

export class SettingsFile {
  constructor(readonly path = join(configDir(), 'settings.json')) {}

  /** The settings; a missing or unreadable file counts as none (the next write repairs it). */
  read(): AppSettings {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  /** Merges `patch` in and writes the whole file at once (a crash never leaves half of it). */
  update(patch: Partial<AppSettings>): void {
    const next = { ...this.read(), ...patch };
    mkdirSync(dirname(this.path), { recursive: true });
    const partial = `${this.path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(next, null, 2) + '\n');
    renameSync(partial, this.path);
  }
}
