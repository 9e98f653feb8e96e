/**
 * The live explorer: a single-page app that runs the model (the same `src/core` and
 * `src/model` code) in a Web Worker in the browser, with sliders, charts that update as
 * replicates arrive, an A vs B comparison paired by replicate, its state in the URL, and
 * downloads of the scenario (YAML the command line accepts) and of the data (CSV).
 *
 * This module exports the pure parts (controls, state, URL, export, chart series) and the
 * Deno side (build and serve). The browser entry points, `page.ts` and `worker.ts`, are
 * bundled by {@linkcode buildExplorer} and export nothing.
 *
 * @example The URL holds the state
 * ```ts
 * import { decodeState, defaultState, encodeState } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * const bundled = [{ name: "baseline", file: "baseline.yaml", description: "", seed: 2015, input: {} }];
 * const state = defaultState(bundled);
 * deepStrictEqual(decodeState(encodeState(state), bundled).state, state);
 * ```
 *
 * @module
 */
export {
  changedFields,
  type ControlKey,
  CONTROLS,
  controlsFromParams,
  type ControlSpec,
  controlSpec,
  type ControlValues,
  eventIntervalWeeks,
  type FieldWrite,
  MAX_EVENTS_PER_YEAR,
  snapToControl,
} from "./controls.ts";
export {
  baseOf,
  type BundledScenario,
  DEFAULT_REPLICATES,
  defaultState,
  type ExplorerState,
  findBundled,
  MAX_REPLICATES,
  sideFor,
  type SideScenario,
  sideScenarios,
  type SideState,
  withControl,
} from "./state.ts";
export { type DecodedState, decodeState, encodeState } from "./url_state.ts";
export { scenarioFileName, scenarioYaml } from "./scenario_export.ts";
export {
  type BandPoint,
  bandSeries,
  pairedDifferenceSeries,
  PANELS,
  type PanelSpec,
  panelValues,
  runningTotal,
} from "./series.ts";
export type {
  DoneMessage,
  FailedMessage,
  ReplicateMessage,
  RunRequest,
  RunSide,
  WorkerMessage,
} from "./run_protocol.ts";
export { explorerHtml, type ExplorerHtmlOptions } from "./page_html.ts";
export {
  buildExplorer,
  type BuildOptions,
  type BuildResult,
  loadBundledScenarios,
} from "./build.ts";
export { serveExplorer, type ServeOptions } from "./serve.ts";
