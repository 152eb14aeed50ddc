// Presenter settings: one key (F8, or the header button) makes every console
// and panel large enough for a projector; each pane can zoom on its own too.
const BASE_FONT = 13;
const LARGE_FONT = 20;

class Presenter {
  large = $state(false);
  private zoom = $state<Record<string, number>>({});

  fontSize(paneKey: string): number {
    return Math.round((this.large ? LARGE_FONT : BASE_FONT) * (this.zoom[paneKey] ?? 1));
  }

  zoomBy(paneKey: string, factor: number): void {
    const next = Math.min(3, Math.max(0.6, (this.zoom[paneKey] ?? 1) * factor));
    this.zoom = { ...this.zoom, [paneKey]: Math.round(next * 100) / 100 };
  }

  resetZoom(paneKey: string): void {
    const { [paneKey]: _gone, ...rest } = this.zoom;
    this.zoom = rest;
  }

  toggle(): void {
    this.large = !this.large;
  }
}

export const presenter = new Presenter();
