// Views that are not on the first screen, loaded the first time they are shown: the diagram
// (with its flow and layout libraries), the side panels, and the dialogs. The first screen
// then parses only the consoles' code (start-up, BENCHMARKS.md).
export const loadDiagram = () => import('../components/diagram/Diagram.svelte');
export const loadLessonPanel = () => import('../components/lessons/LessonPanel.svelte');
export const loadScenarioPanel = () => import('../components/scenario/ScenarioPanel.svelte');
export const loadEngineMapPanel = () => import('../components/EngineMapPanel.svelte');
export const loadNetworksPanel = () => import('../components/networks/NetworksPanel.svelte');
export const loadInspectorPanel = () => import('../components/InspectorPanel.svelte');
export const loadNewContainerForm = () => import('../components/NewContainerForm.svelte');
export const loadShortcutHelp = () => import('../components/ShortcutHelp.svelte');
