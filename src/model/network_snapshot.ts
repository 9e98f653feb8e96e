/**
 * A snapshot of the partnership network (M5) at one week, as plain data: for `network.json`
 * and the network chart.
 *
 * @module
 */
import { DEEP_STRENGTH, WORKING_STRENGTH } from "./partnership_network.ts";
import { LEVEL, type ModelState, NEED, PHASE, SECTOR } from "./state.ts";

/** The partnership network at one week. */
export interface NetworkSnapshot {
  /** The week (from 0). */
  readonly week: number;
  /** Every organisation. */
  readonly organisations: readonly {
    readonly id: number;
    readonly name: string;
    readonly sector: "voluntary" | "statutory";
    readonly services: readonly string[];
    readonly active: boolean;
  }[];
  /** Every partnership. */
  readonly partnerships: readonly {
    readonly source: number;
    readonly target: number;
    readonly depth: "paper" | "working" | "deep";
    readonly strength: number;
    readonly informal: boolean;
    readonly formal: boolean;
    readonly levels: readonly string[];
  }[];
}

const SERVICE_NAMES: readonly [number, string][] = [
  [NEED.familySupport, "family support"],
  [NEED.mentalHealth, "mental health"],
  [NEED.moneyAdvice, "money advice"],
  [NEED.disability, "disability"],
  [NEED.socialCare, "social care"],
];
const LEVEL_NAMES: readonly [number, string][] = [
  [LEVEL.delivery, "delivery"],
  [LEVEL.management, "management"],
  [LEVEL.board, "board"],
];

/**
 * Takes a snapshot of the network (allocates: call it outside the weekly loop's hot path, a few
 * times a run).
 *
 * @param state The model state.
 * @param week The week it describes.
 * @returns Plain data, strengths rounded to 3 decimals.
 *
 * @example
 * ```ts
 * import { createModel, resolveParams, snapshotNetwork } from "./mod.ts";
 * import { strictEqual } from "node:assert/strict";
 * const model = createModel(resolveParams({}), 1);
 * const snapshot = snapshotNetwork(model.state, 0);
 * strictEqual(snapshot.organisations.length, 41);
 * strictEqual(snapshot.partnerships.length, model.state.partnerships.count);
 * ```
 */
export function snapshotNetwork(state: ModelState, week: number): NetworkSnapshot {
  const orgs = state.orgs;
  const p = state.partnerships;
  let funded = 0;
  let statutory = 0;
  const organisations = [];
  for (let o = 0; o < orgs.count; o++) {
    const isStatutory = orgs.sector[o] === SECTOR.statutory;
    organisations.push({
      id: o,
      name: isStatutory
        ? `statutory-${++statutory}`
        : `funded-${String(++funded).padStart(2, "0")}`,
      sector: isStatutory ? "statutory" as const : "voluntary" as const,
      services: SERVICE_NAMES.filter(([bit]) => (orgs.services[o] & bit) !== 0).map(([, n]) => n),
      active: orgs.phase[o] === PHASE.active,
    });
  }
  const partnerships = [];
  for (let e = 0; e < p.count; e++) {
    const s = p.strength[e];
    partnerships.push({
      source: p.a[e],
      target: p.b[e],
      depth: s < WORKING_STRENGTH
        ? "paper" as const
        : s < DEEP_STRENGTH
        ? "working" as const
        : "deep" as const,
      strength: Math.round(s * 1000) / 1000,
      informal: p.informal[e] === 1,
      formal: p.formal[e] === 1,
      levels: LEVEL_NAMES.filter(([bit]) => (p.levels[e] & bit) !== 0).map(([, n]) => n),
    });
  }
  return { week, organisations, partnerships };
}
