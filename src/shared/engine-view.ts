// The engines one window shows side by side, and the ones it could add. Each engine is a
// Crosstalk core of its own on the main side; the window's calls name the engine they act on.

/** An engine shown in this window. */
export interface ShownEngine {
  /** Stable id: calls carry it as `engine`, events arrive tagged with it, colours follow it. */
  key: string;
  /** As people call it (a lab node, a context, the engine's own name). */
  name: string;
  endpoint: string;
  /** The addresses other hosts reach this engine's published ports at (its underlay address). */
  hostAddresses: string[];
  /** The engine the app was started on: always shown, never removed from the view. */
  primary: boolean;
}

/** An engine that can be added to the view. */
export interface EngineOffer {
  key: string;
  name: string;
  endpoint: string;
  hostAddresses: string[];
  /** Where it was found, in words ("the two-host lab"). */
  origin: string;
}

export interface EngineViewState {
  shown: ShownEngine[];
  /** Engines not shown yet that this window can add. */
  offers: EngineOffer[];
}

/** The args field that names a call's engine; absent means the window's primary engine. */
export interface OnEngine {
  engine?: string;
}

/** Lab nodes (lab-node1), the registry's ids (default, env, context:NAME, socket:/path …). */
export const ENGINE_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9_.:@/+-]{0,1099}$/;
