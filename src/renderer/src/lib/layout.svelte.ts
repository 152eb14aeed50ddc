// Which side panel is open, and which container the inspector shows.
export type PanelName = 'lessons' | 'engine' | 'networks' | 'inspector';

class Layout {
  panel = $state<PanelName | null>(null);
  inspected = $state<string | null>(null);

  toggle(panel: PanelName): void {
    this.panel = this.panel === panel ? null : panel;
  }

  inspect(containerId: string): void {
    this.inspected = containerId;
    this.panel = 'inspector';
  }
}

export const layout = new Layout();
