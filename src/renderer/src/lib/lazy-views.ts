// Views that are not on the first screen, loaded the first time they are shown: the diagram
// (with its flow and layout libraries), the side panels, the dialogs and a recording's replay.
// The consoles' terminal (xterm, 400 kB) is loaded beside the first screen, not in it: main.ts
// starts fetching it at once, and the list of containers is shown without waiting for it
// (start-up, BENCHMARKS.md).
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
