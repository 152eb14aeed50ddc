// A pane's actions as data: the full header shows them as buttons, the one-line header
// (stage mode, Large text) lists the same ones in its menu.
export interface PaneAction {
  label: string;
  title: string;
  run: () => void;
  disabled?: boolean;
  /** On/off actions (Bytes, Pin, the console mode) say which they are. */
  pressed?: boolean;
  kind?: 'primary' | 'danger';
  /** Actions of one group (the console mode) sit together. */
  group?: string;
}
