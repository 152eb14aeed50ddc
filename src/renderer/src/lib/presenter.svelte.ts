// Presenter settings, remembered on this machine: Large text (F8), stage mode (Shift+F8:
// one-line chrome, larger consoles), the theme (a light one for projectors), and each
// pane's own zoom (by container name, so a re-created lesson container keeps it).
import { isRecord, remembered, type Reader } from './remembered';

export type ThemeName = 'dark' | 'light';

const BASE_FONT = 13;
const STAGE_FONT = 16;
const LARGE_FONT = 20;

const MIN_ZOOM = 0.6;
const MAX_ZOOM = 3;

interface Settings {
  large: boolean;
  stage: boolean;
  theme: ThemeName;
  zoom: Record<string, number>;
}
const readSettings: Reader<Settings> = (raw) => {
  if (!isRecord(raw) || !isRecord(raw['zoom'])) return null;
  const { large, stage, theme } = raw;
  if (typeof large !== 'boolean' || typeof stage !== 'boolean') return null;
  if (theme !== 'dark' && theme !== 'light') return null;
  const zoom = Object.entries(raw['zoom']).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && e[1] >= MIN_ZOOM && e[1] <= MAX_ZOOM,
  );
  return { large, stage, theme, zoom: Object.fromEntries(zoom) };
};
const saved = remembered('crosstalk.presenter', readSettings, {
  large: false,
  stage: false,
  theme: 'dark',
  zoom: {},
});

class Presenter {
  large = $state(saved.value.large);
  stage = $state(saved.value.stage);
  theme = $state<ThemeName>(saved.value.theme);
  private zoom = $state<Record<string, number>>(saved.value.zoom);

  /** One line of chrome per pane: on stage, and whenever text is large. */
  get compact(): boolean {
    return this.large || this.stage;
  }

  /** The console font before a pane's own zoom. */
  get baseFont(): number {
    return this.large ? LARGE_FONT : this.stage ? STAGE_FONT : BASE_FONT;
  }

  fontSize(paneKey: string): number {
    return Math.round(this.baseFont * (this.zoom[paneKey] ?? 1));
  }

  zoomBy(paneKey: string, factor: number): void {
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (this.zoom[paneKey] ?? 1) * factor));
    this.zoom = { ...this.zoom, [paneKey]: Math.round(next * 100) / 100 };
    this.save();
  }

  resetZoom(paneKey: string): void {
    const { [paneKey]: _gone, ...rest } = this.zoom;
    this.zoom = rest;
    this.save();
  }

  toggle(): void {
    this.large = !this.large;
    this.save();
  }

  toggleStage(): void {
    this.stage = !this.stage;
    this.save();
  }

  setTheme(theme: ThemeName): void {
    this.theme = theme;
    this.save();
  }

  private save(): void {
    saved.value = { large: this.large, stage: this.stage, theme: this.theme, zoom: this.zoom };
  }
}

export const presenter = new Presenter();
