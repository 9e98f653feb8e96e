/**
 * The messages between the explorer page and its simulation Worker. The page sends resolved
 * model parameters (validated in the page through the scenario schema); the Worker runs
 * replicate r of every side with seed `replicateSeed(seed, r)`, exactly as the command line's
 * `runReplicates` does, and posts each run as soon as it finishes.
 *
 * @module
 */
import type { ModelParams } from "../model/mod.ts";

/** One side to run. */
export interface RunSide {
  /** Side label, `"A"` or `"B"`. */
  readonly label: string;
  /** Scenario name the runs carry. */
  readonly name: string;
  /** Resolved model parameters. */
  readonly params: ModelParams;
}

/** Page → Worker: start a run; it replaces any run still going. */
export interface RunRequest {
  /** Always `"run"`. */
  readonly type: "run";
  /** Identifies the run in the Worker's replies. */
  readonly id: number;
  /** Scenario seed shared by every side. */
  readonly seed: number;
  /** Replicates per side. */
  readonly replicates: number;
  /** Sides, run in turn for each replicate (A0, B0, A1, B1, …) so pairs arrive together. */
  readonly sides: readonly RunSide[];
}

/** Worker → page: one run finished. */
export interface ReplicateMessage {
  /** Always `"replicate"`. */
  readonly type: "replicate";
  /** The run request's id. */
  readonly id: number;
  /** Index of the side in the request. */
  readonly side: number;
  /** Replicate number, from 0. */
  readonly replicate: number;
  /** Run seed: `replicateSeed(seed, replicate)`. */
  readonly seed: number;
  /** Metric names, in column order. */
  readonly metrics: readonly string[];
  /** Weeks recorded. */
  readonly weeks: number;
  /** One column per metric (their buffers are transferred). */
  readonly columns: readonly Float64Array[];
  /** Time the run took in the Worker, ms. */
  readonly milliseconds: number;
}

/** Worker → page: every run of a request finished. */
export interface DoneMessage {
  /** Always `"done"`. */
  readonly type: "done";
  /** The run request's id. */
  readonly id: number;
  /** Runs done. */
  readonly runs: number;
  /** Time from the request to the last run, ms. */
  readonly milliseconds: number;
}

/** Worker → page: a run failed. */
export interface FailedMessage {
  /** Always `"failed"`. */
  readonly type: "failed";
  /** The run request's id. */
  readonly id: number;
  /** What went wrong. */
  readonly message: string;
}

/** Any message the Worker sends. */
export type WorkerMessage = ReplicateMessage | DoneMessage | FailedMessage;
