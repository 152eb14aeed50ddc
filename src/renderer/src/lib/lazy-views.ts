// Views that are not on the first screen, loaded the first time they are shown: the diagram
// (with its flow and layout libraries), the side panels, the dialogs and a recording's replay.
// The consoles' terminal (xterm, 400 kB) is loaded after the first screen: the list of
// containers is painted first (firstListShown, start-up in BENCHMARKS.md).
import { api } from './api';
let consoleModule: Promise<typeof import('../components/Console.svelte')> | null = null;
export const loadConsole = () => (consoleModule ??= import('../components/Console.svelte'));
export const loadReplayView = () => import('../components/scenario/ReplayView.svelte');
export const loadDiagram = () => import('../components/diagram/Diagram.svelte');
export const loadLessonPanel = () => import('../components/lessons/LessonPanel.svelte');
export const loadScenarioPanel = () => import('../components/scenario/ScenarioPanel.svelte');
export const loadEngineMapPanel = () => import('../components/EngineMapPanel.svelte');
export const loadNetworksPanel = () => import('../components/networks/NetworksPanel.svelte');
export const loadInspectorPanel = () => import('../components/InspectorPanel.svelte');
export const loadNewContainerForm = () => import('../components/NewContainerForm.svelte');
export const loadShortcutHelp = () => import('../components/ShortcutHelp.svelte');

/** Resolves after the next frame has been painted. */
const afterNextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
let listPainted = () => {};
const firstListPainted = new Promise<void>((resolve) => (listPainted = resolve));

/**
 * Called once the first snapshot is in the page (App.svelte): after the list's first paint the
 * consoles' code is fetched and the panes' consoles are made, then, when the page is idle, the
 * Lessons panel's code and the lessons themselves (read from YAML on the main side) are fetched,
 * so that opening the panel and the first lesson's set-up do not pay for them. Before, xterm's
 * chunk (330 kB) was evaluated and two xterms were made while the first snapshot waited, in tasks
 * of 70-220 ms the list's first paint came after (start-up, BENCHMARKS.md).
 */
export function firstListShown(): void {
  void afterNextPaint().then(() => {
    listPainted();
    void loadConsole().then(() => requestIdleCallback(prefetchLessons, { timeout: 2000 }));
  });
}

function prefetchLessons(): void {
  void loadLessonPanel().catch(() => undefined);
  void api.lessons().catch(() => undefined);
}

/** The console for a pane: made after the first list has been painted, at once after that. */
export const loadPaneConsole = async () => {
  await firstListPainted;
  return loadConsole();
};
