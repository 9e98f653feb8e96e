/**
 * What the performance suite measures (its JSON shape), the targets it checks, and its table.
 *
 * @module
 */

/** One population size (and horizon) of the full baseline. */
export interface SizeResult {
  /** Population multiple of the baseline. */
  readonly factor: number;
  /** Years simulated. */
  readonly years: number;
  /** Weeks simulated. */
  readonly weeks: number;
  /** Family slots allocated (the most families the run can hold at once). */
  readonly familySlots: number;
  /** Key-worker posts. */
  readonly posts: number;
  /** Families active (waiting or supported) in an average week. */
  readonly meanFamilies: number;
  /** Family-weeks simulated per second of the weekly loop. */
  readonly familyWeeksPerSecond: number;
  /** The streaming floor, in nanoseconds per family-week. */
  readonly floorNsPerFamilyWeek: number;
  /** Engine time per week ÷ floor time per week. */
  readonly engineOverFloor: number;
  /** Seconds to build the model. */
  readonly setupSeconds: number;
}

/** The simplified core model at one size: family-weeks per second of each implementation. */
export interface ComparisonResult {
  /** Population multiple. */
  readonly factor: number;
  /** The engine (typed arrays). */
  readonly engine: number;
  /** The object-per-agent reference. */
  readonly reference: number;
  /** flocc 0.7.0 (NaN where not run). */
  readonly flocc: number;
}

/** The million-family run (its own process). */
export interface MillionResult {
  readonly factor: number;
  readonly weeks: number;
  readonly familySlots: number;
  readonly meanFamilies: number;
  readonly familyWeeks: number;
  readonly setupSeconds: number;
  readonly loopSeconds: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** A target and whether this run met it. */
export interface TargetResult {
  readonly name: string;
  readonly value: number;
  readonly met: boolean;
}

/** Everything the suite prints with `--json`. */
export interface SuiteResult {
  readonly deno: string;
  readonly v8: string;
  readonly quick: boolean;
  readonly sizes: SizeResult[];
  readonly comparisons: ComparisonResult[];
  /** Family-weeks per second of the full baseline per population size, keyed "1x", "10x", …. */
  readonly familyWeeksPerSecond: Record<string, number>;
  /** The engine's speed ÷ the reference's, ÷ flocc's (both at 1×); engine time ÷ floor time (largest size). */
  readonly ratios: {
    readonly engineVsReference: number;
    readonly engineVsPeer: number;
    readonly engineVsFloor: number;
  };
  /** Bytes of family state per family slot, at the largest size. */
  readonly bytesPerFamily: number;
  /** Bytes of family state per family active in an average week, at the largest size. */
  readonly bytesPerActiveFamily: number;
  /** Bytes of post (key worker) state per post, at the largest size. */
  readonly bytesPerWorker: number;
  /** Peak resident memory of the suite's process, MB. */
  readonly peakRssMb: number;
  /** Growth of the used heap over `heapGrowthWeeks` weeks of the 10× baseline, after warm-up. */
  readonly heapGrowthBytes: number;
  /** The same over the same weeks of the 1× baseline: a tenth of the families, the same growth if none is per family. */
  readonly heapGrowthSmallBytes: number;
  readonly heapGrowthWeeks: number;
  /** The million-family ten-year run; null with --quick. */
  readonly million: MillionResult | null;
  targets: TargetResult[];
}

/** A target of issue 7, as a figure and a test on the suite's result. */
export interface Target {
  readonly name: string;
  readonly value: (r: SuiteResult) => number;
  readonly met: (r: SuiteResult) => boolean;
}

const smallest = (r: SuiteResult) => r.sizes[0];
const largest = (r: SuiteResult) => {
  const full = r.sizes.filter((s) => s.years === r.sizes[0].years);
  return full[full.length - 1];
};

/**
 * The targets, each with the figure it is judged on.
 *
 * @example
 * ```ts
 * import { TARGETS } from "./suite_report.ts";
 * import { ok } from "node:assert/strict";
 * ok(TARGETS.some((t) => t.name.includes("reference")));
 * ```
 */
export const TARGETS: readonly Target[] = Object.freeze([
  {
    name: "engine ≥ 5× the object-per-agent reference (core model, 1×)",
    value: (r) => r.ratios.engineVsReference,
    met: (r) => r.ratios.engineVsReference >= 5,
  },
  {
    name: "engine ≥ 20× flocc (core model, 1×)",
    value: (r) => r.ratios.engineVsPeer,
    met: (r) => r.ratios.engineVsPeer >= 20,
  },
  {
    name: "engine within 10× of the streaming floor (largest size)",
    value: (r) => r.ratios.engineVsFloor,
    met: (r) => r.ratios.engineVsFloor <= 10,
  },
  {
    name: "≥ 20 million family-weeks/s, full baseline, 1×",
    value: (r) => smallest(r).familyWeeksPerSecond,
    met: (r) => smallest(r).familyWeeksPerSecond >= 20e6,
  },
  {
    name: "linear: family-weeks/s at the largest size ≥ 1/1.2 of 1×",
    value: (r) => largest(r).familyWeeksPerSecond / smallest(r).familyWeeksPerSecond,
    met: (r) => largest(r).familyWeeksPerSecond >= smallest(r).familyWeeksPerSecond / 1.2,
  },
  {
    name: "≤ 64 bytes of state per family slot",
    value: (r) => r.bytesPerFamily,
    met: (r) => r.bytesPerFamily <= 64,
  },
  {
    name: "1,000,000 families × 10 years in < 1 GiB (peak RSS, MB)",
    value: (r) => r.million?.peakRssMb ?? NaN,
    met: (r) => r.million !== null && r.million.peakRssMb < 1024 * 1024 * 1024 / 1e6,
  },
  {
    name: "1,000,000 families × 10 years in < 60 s (build and run, s)",
    value: (r) => r.million?.seconds ?? NaN,
    met: (r) => r.million !== null && r.million.seconds < 60,
  },
  {
    name: "nothing allocated in the weekly loop (heap growth ≤ 1 KB)",
    value: (r) => r.heapGrowthBytes,
    met: (r) => r.heapGrowthBytes <= 1024,
  },
]);

const number = (x: number, digits = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "–";
const millions = (x: number) => Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} M` : "–";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * The suite's result as the one table `deno task bench` prints.
 *
 * @param r The result.
 * @returns Plain text.
 *
 * @example
 * ```ts
 * import { formatTable } from "./suite_report.ts";
 * import { ok } from "node:assert/strict";
 * const size = { factor: 1, years: 1, weeks: 52, familySlots: 10, posts: 1, meanFamilies: 5,
 *   familyWeeksPerSecond: 1e6, floorNsPerFamilyWeek: 2, engineOverFloor: 3, setupSeconds: 0 };
 * const text = formatTable({ deno: "2", v8: "1", quick: true, sizes: [size],
 *   comparisons: [{ factor: 1, engine: 2, reference: 1, flocc: 0.5 }],
 *   familyWeeksPerSecond: { "1x": 1e6 },
 *   ratios: { engineVsReference: 2, engineVsPeer: 4, engineVsFloor: 3 }, bytesPerFamily: 48,
 *   bytesPerActiveFamily: 96, bytesPerWorker: 31, peakRssMb: 100, heapGrowthBytes: 0,
 *   heapGrowthSmallBytes: 0, heapGrowthWeeks: 40, million: null, targets: [] });
 * ok(text.includes("family-weeks/s"));
 * ```
 */
export function formatTable(r: SuiteResult): string {
  const sizeRows = r.sizes.map((s) => [
    `${s.factor}×, ${s.years} years`,
    number(s.meanFamilies),
    number(s.familySlots),
    number(s.posts),
    number(s.weeks),
    millions(s.familyWeeksPerSecond),
    number(1e9 / s.familyWeeksPerSecond, 1),
    number(s.floorNsPerFamilyWeek, 1),
    number(s.engineOverFloor, 1),
  ]);
  const coreRows = r.comparisons.flatMap((c) => [
    [`engine (typed arrays), ${c.factor}×`, millions(c.engine), "1.0"],
    [
      `object-per-agent reference, ${c.factor}×`,
      millions(c.reference),
      number(c.engine / c.reference, 1),
    ],
    ...(Number.isFinite(c.flocc)
      ? [[`flocc 0.7.0, ${c.factor}×`, millions(c.flocc), number(c.engine / c.flocc, 1)]]
      : []),
  ]);
  const m = r.million;
  const memoryRows = [
    ["bytes of family state per family slot (largest size)", number(r.bytesPerFamily, 1)],
    ["  … per family active in an average week", number(r.bytesPerActiveFamily, 1)],
    ["bytes of key-worker state per post", number(r.bytesPerWorker, 1)],
    ["peak resident memory of this process (MB)", number(r.peakRssMb)],
    [
      `heap growth over ${r.heapGrowthWeeks} weeks of the loop, after warm-up (bytes)`,
      number(r.heapGrowthBytes),
    ],
    ["  … the same weeks with a tenth of the families (1×)", number(r.heapGrowthSmallBytes)],
    ...(m === null ? [] : [
      [
        `${number(m.meanFamilies)} families (${m.factor}×) for ${m.weeks} weeks: seconds`,
        `${number(m.seconds, 1)} (build ${number(m.setupSeconds, 1)})`,
      ],
      ["  … family-weeks per second", millions(m.familyWeeks / m.loopSeconds)],
      ["  … peak resident memory of its process (MB)", number(m.peakRssMb)],
    ]),
  ];
  const targetRows = r.targets.map((t) => [
    t.name,
    Math.abs(t.value) >= 1000 ? number(t.value) : number(t.value, 2),
    t.met ? "met" : "NOT met",
  ]);
  return [
    `Performance suite: Deno ${r.deno}, V8 ${r.v8}, one core; every figure from this run${
      r.quick ? " (--quick: tiny sizes, not comparable)" : ""
    }`,
    "",
    "Full baseline (scenarios/baseline.yaml, every mechanism on) by population and horizon",
    table(
      [
        "population, horizon",
        "families (mean)",
        "family slots",
        "posts",
        "weeks",
        "family-weeks/s",
        "ns per family-week",
        "floor ns/fw",
        "engine ÷ floor",
      ],
      sizeRows,
    ),
    "",
    "Simplified core model (M1 and M5–M8 off), the same in every implementation",
    table(["implementation, population", "family-weeks/s", "engine is × faster"], coreRows),
    "",
    table(["memory", "value"], memoryRows),
    "",
    table(["target", "measured", ""], targetRows),
  ].join("\n");
}
