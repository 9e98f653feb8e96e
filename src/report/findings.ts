/**
 * Key findings in plain words, with numbers and intervals: per scenario (means across
 * replicates), per paired comparison (differences B − A) and per sweep (range over the points).
 *
 * @module
 */
import { formatNumber, type Row } from "../charts/mod.ts";
import { summarise, type Summary } from "../experiment/mod.ts";
import { METRICS } from "../model/mod.ts";

/** A metric the report leads with. */
export interface KeyMetric {
  /** Metric name. */
  readonly name: string;
  /** Short label. */
  readonly label: string;
  /** Unit (from the model's metric list). */
  readonly unit: string;
}

const unitOf = (name: string) => METRICS.find((m) => m.name === name)?.unit ?? "";

/** The metrics the findings, the difference chart and the first table rows lead with. */
export const KEY_METRICS: readonly KeyMetric[] = Object.freeze(
  ([
    ["outcomes_achieved", "Outcomes achieved"],
    ["families_completed", "Families completing"],
    ["outcomes_per_million_gbp", "Outcomes per £1m"],
    ["cost_per_outcome_gbp", "Cost per outcome"],
    ["mean_trust", "Mean trust in key worker"],
    ["engaged_share", "Engaged share"],
    ["key_worker_changes_per_family", "Key-worker changes per family"],
    ["staff_leavers", "Key workers leaving"],
    ["vacancies", "Vacancies (mean)"],
    ["referrals_completed", "Referrals completed"],
    ["fell_through_gaps", "Families fallen through the gaps"],
    ["dropouts", "Families dropping out"],
    ["spend_gbp", "Spend"],
  ] as const).map(([name, label]) => ({ name, label, unit: unitOf(name) })),
);

/** The short label of a metric: its key-metric label, else its name. */
export function metricLabel(name: string): string {
  return KEY_METRICS.find((m) => m.name === name)?.label ?? name;
}

/**
 * Summaries of every metric column of a runs table, per scenario (in order of appearance).
 *
 * @param runs Rows with `scenario` and one column per metric.
 * @returns Scenario → metric → summary across its runs.
 *
 * @example
 * ```ts
 * import { summariseRuns } from "./findings.ts";
 * import { strictEqual } from "node:assert/strict";
 * const s = summariseRuns([{ scenario: "a", mean_trust: 0.4 }, { scenario: "a", mean_trust: 0.6 }]);
 * strictEqual(s.get("a")?.get("mean_trust")?.mean, 0.5);
 * ```
 */
export function summariseRuns(runs: readonly Row[]): Map<string, Map<string, Summary>> {
  const byScenario = new Map<string, Row[]>();
  for (const row of runs) {
    const name = String(row.scenario);
    let list = byScenario.get(name);
    if (list === undefined) byScenario.set(name, list = []);
    list.push(row);
  }
  const out = new Map<string, Map<string, Summary>>();
  for (const [scenario, rows] of byScenario) {
    const metrics = new Map<string, Summary>();
    for (const spec of METRICS) {
      if (!rows.some((r) => typeof r[spec.name] === "number")) continue;
      metrics.set(spec.name, summarise(rows.map((r) => Number(r[spec.name] ?? NaN))));
    }
    out.set(scenario, metrics);
  }
  return out;
}

/**
 * "26,123 (95% interval 25,163 to 27,083)", or without an interval when there is one run.
 *
 * @param s A summary across replicates.
 * @param unit `"£"` to put a pound sign before each number.
 * @param noun Words after the mean, before the interval, e.g. `"outcomes"`.
 * @returns Text.
 *
 * @example
 * ```ts
 * import { withInterval } from "./findings.ts";
 * import { strictEqual } from "node:assert/strict";
 * strictEqual(withInterval({ n: 3, mean: 1356, lo: 1321, hi: 1391 } as never, "£"), "£1,356 (95% interval £1,321 to £1,391)");
 * ```
 */
export function withInterval(s: Summary, unit = "", noun = ""): string {
  const f = (v: number) => unit === "£" ? `£${formatNumber(v)}` : formatNumber(v);
  const head = noun === "" ? f(s.mean) : `${f(s.mean)} ${noun}`;
  if (s.n < 2 || !Number.isFinite(s.lo)) return `${head} (one replicate: no interval)`;
  return `${head} (95% interval ${f(s.lo)} to ${f(s.hi)})`;
}

/**
 * Plain-words findings of one scenario's runs.
 *
 * @param scenario Its name.
 * @param summaries Its metric summaries ({@linkcode summariseRuns}).
 * @param years Years simulated, if known.
 * @returns Sentences (plain text; escape before writing into HTML).
 *
 * @example
 * ```ts
 * import { scenarioFindings, summariseRuns } from "./findings.ts";
 * import { ok } from "node:assert/strict";
 * const s = summariseRuns([{ scenario: "a", outcomes_achieved: 100 }, { scenario: "a", outcomes_achieved: 120 }]);
 * ok(scenarioFindings("a", s.get("a") ?? new Map(), 10)[0].startsWith("Over 10 years, a achieved 110 programme outcomes"));
 * ```
 */
export function scenarioFindings(
  scenario: string,
  summaries: ReadonlyMap<string, Summary>,
  years?: number,
): string[] {
  const out: string[] = [];
  const get = (name: string) => summaries.get(name);
  const n = [...summaries.values()][0]?.n ?? 0;
  const outcomes = get("outcomes_achieved");
  if (outcomes !== undefined) {
    out.push(
      `${
        years === undefined ? "Over the run" : `Over ${formatNumber(years)} years`
      }, ${scenario} ` +
        `achieved ${
          withInterval(outcomes, "", "programme outcomes")
        }, averaged over ${n} replicate${n === 1 ? "" : "s"}.`,
    );
  }
  const perMillion = get("outcomes_per_million_gbp");
  const cost = get("cost_per_outcome_gbp");
  if (perMillion !== undefined && cost !== undefined) {
    out.push(
      `Each £1m spent bought ${withInterval(perMillion, "", "outcomes")}; one outcome cost ${
        withInterval(cost, "£")
      }.`,
    );
  }
  const trust = get("mean_trust");
  const changes = get("key_worker_changes_per_family");
  if (trust !== undefined && changes !== undefined) {
    out.push(
      `Families' mean trust in their key worker was ${withInterval(trust)} on a 0–1 scale; ` +
        `each family supported had ${withInterval(changes)} changes of key worker on average.`,
    );
  }
  const gaps = get("fell_through_gaps");
  const completed = get("families_completed");
  if (gaps !== undefined && completed !== undefined) {
    out.push(
      `${withInterval(completed, "", "families")} completed the programme; ${
        withInterval(gaps, "", "families")
      } left support with a need that was never met (fell through the gaps).`,
    );
  }
  return out;
}

/**
 * Plain-words findings of a paired comparison, for the key metrics present.
 *
 * @param rows Comparison rows (`metric`, `scenario_a`, `scenario_b`, `n`, `mean_a`, `mean_b`,
 * `mean_difference`, `ci_low`, `ci_high`).
 * @returns Sentences.
 *
 * @example
 * ```ts
 * import { comparisonFindings } from "./findings.ts";
 * import { strictEqual } from "node:assert/strict";
 * const [line] = comparisonFindings([{ metric: "outcomes_achieved", scenario_a: "short", scenario_b: "long", n: 10,
 *   mean_a: 100, mean_b: 150, mean_difference: 50, ci_low: 40, ci_high: 60 }]);
 * strictEqual(line, "Outcomes achieved: long 150 against short 100, a difference of +50 (+50%; 95% interval of the paired difference +40 to +60, 10 pairs). The interval lies above zero.");
 * ```
 */
export function comparisonFindings(rows: readonly Row[]): string[] {
  const out: string[] = [];
  for (const key of KEY_METRICS) {
    const row = rows.find((r) => r.metric === key.name);
    if (row === undefined) continue;
    const num = (f: string) => Number(row[f] ?? NaN);
    const [a, b, d, lo, hi] = ["mean_a", "mean_b", "mean_difference", "ci_low", "ci_high"].map(num);
    if (!Number.isFinite(d)) continue;
    const pct = a !== 0 && Number.isFinite(a)
      ? ` (${formatNumber((100 * d) / Math.abs(a), true)}%;`
      : " (";
    const verdict = lo > 0
      ? "The interval lies above zero."
      : hi < 0
      ? "The interval lies below zero."
      : "The interval includes zero: no clear difference.";
    out.push(
      `${key.label}: ${row.scenario_b} ${formatNumber(b)} against ${row.scenario_a} ${
        formatNumber(a)
      }, a difference of ${formatNumber(d, true)}${pct} 95% interval of the paired difference ${
        formatNumber(lo, true)
      } to ${formatNumber(hi, true)}, ${num("n")} pairs). ${verdict}`,
    );
  }
  return out;
}

/**
 * Plain-words findings of a sweep for one metric: the points with the lowest and highest mean,
 * and, per swept parameter, the mean at its lowest and highest value.
 *
 * @param runs Sweep runs rows (one per run, with the parameter columns and the metric).
 * @param parameters Swept parameter paths.
 * @param metric The metric.
 * @returns Sentences.
 *
 * @example
 * ```ts
 * import { sweepFindings } from "./findings.ts";
 * import { ok } from "node:assert/strict";
 * const runs = [1, 2, 3].map((x) => ({ point: x, a: x, outcomes_per_million_gbp: 100 * x }));
 * ok(sweepFindings(runs, ["a"], "outcomes_per_million_gbp")[0].includes("from 100 (a = 1) to 300 (a = 3)"));
 * ```
 */
export function sweepFindings(
  runs: readonly Row[],
  parameters: readonly string[],
  metric: string,
): string[] {
  const byPoint = new Map<unknown, Row[]>();
  for (const row of runs) {
    let list = byPoint.get(row.point);
    if (list === undefined) byPoint.set(row.point, list = []);
    list.push(row);
  }
  const means = [...byPoint.values()].map((rows) => ({
    row: rows[0],
    mean: summarise(rows.map((r) => Number(r[metric] ?? NaN))).mean,
  })).filter((p) => Number.isFinite(p.mean));
  if (means.length === 0) return [];
  means.sort((x, y) => x.mean - y.mean);
  const where = (row: Row) => parameters.map((p) => `${p} = ${row[p]}`).join(", ");
  const lo = means[0];
  const hi = means[means.length - 1];
  const label = metricLabel(metric);
  const out = [
    `${label} ranged from ${formatNumber(lo.mean)} (${where(lo.row)}) to ${
      formatNumber(hi.mean)
    } (${where(hi.row)}), averaged over each point's replicates.`,
  ];
  for (const p of parameters) {
    const values = [...new Set(runs.map((r) => r[p]))].sort((x, y) =>
      Number(x) - Number(y) || (String(x) < String(y) ? -1 : 1)
    );
    if (values.length < 2) continue;
    const at = (v: unknown) =>
      summarise(runs.filter((r) => r[p] === v).map((r) => Number(r[metric] ?? NaN))).mean;
    const first = values[0];
    const last = values[values.length - 1];
    out.push(
      `With ${p} at ${first}, ${label.toLowerCase()} averaged ${
        formatNumber(at(first))
      }; at ${last}, ${formatNumber(at(last))} (averaged over the other parameters).`,
    );
  }
  return out;
}
