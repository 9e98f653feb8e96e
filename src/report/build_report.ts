/**
 * The self-contained HTML report of one or more results folders: what was run, key findings,
 * charts (inline SVG), summary tables, the assumptions table and how to reproduce it.
 *
 * @module
 */
import {
  differenceChart,
  familyStatesChart,
  formatNumber,
  grantEndWeeks,
  listText,
  networkChart,
  type Row,
  sourceOfRuns,
  staffChart,
  sweepHeatmap,
  type TimeseriesRow,
  tornadoChart,
  trajectoryChart,
} from "../charts/mod.ts";
import { TOOL_NAME, TOOL_VERSION } from "../core/mod.ts";
import { METRICS } from "../model/mod.ts";
import { assumptionRows, formatParameter, type ParameterSourceRow } from "./assumptions.ts";
import {
  comparisonFindings,
  KEY_METRICS,
  metricLabel,
  scenarioFindings,
  summariseRuns,
  sweepFindings,
} from "./findings.ts";
import { type Cell, escapeHtml, htmlPage, htmlTable } from "./html.ts";
import type { Results } from "./read_results.ts";

/** Options of {@linkcode buildReport}. */
export interface ReportOptions {
  /** `data/parameters.csv` by path (units and sources of the parameters). */
  readonly sources: ReadonlyMap<string, ParameterSourceRow>;
  /** The command that made the report, shown under "How to reproduce". */
  readonly command?: readonly string[];
  /** When the report was made (shown under the title). @default {now} */
  readonly generatedAt?: Date;
  /** The report's title. @default {"Simulation report: <scenarios>"} */
  readonly title?: string;
}

/** A chart of the report. */
export interface ReportChart {
  /** A file-name-safe id, e.g. `"baseline-trajectories"`. */
  readonly id: string;
  /** The standalone SVG. */
  readonly svg: string;
  /** One line under the chart in the report: what to look at. */
  readonly note: string;
}

/** Metrics coloured in sweep heatmaps, in order, where present. */
export const HEATMAP_METRICS: readonly string[] = Object.freeze([
  "outcomes_per_million_gbp",
  "mean_trust",
  "outcomes_achieved",
]);

/**
 * Builds the report's charts for each results folder, in order: per run folder, trajectories,
 * family states, staff dynamics and the partnership network; per compare folder, the paired
 * differences, then trajectories, family states and staff of both scenarios; per sweep,
 * heatmaps over the first two swept parameters; per sensitivity folder, a tornado per metric.
 * With several run folders, one trajectories chart of all their scenarios comes first.
 *
 * @param results The folders, read.
 * @param sources `data/parameters.csv` by path (for axis units).
 * @returns The charts.
 *
 * @example
 * ```ts ignore
 * const charts = reportCharts([await readResults("out/baseline")], await readParameterSources());
 * ```
 */
export function reportCharts(
  results: readonly Results[],
  sources: ReadonlyMap<string, ParameterSourceRow>,
): ReportChart[] {
  const charts: ReportChart[] = [];
  let n = 0;
  const add = (id: string, note: string, draw: (idPrefix: string) => string) => {
    n += 1;
    charts.push({ id: safeId(`${String(n).padStart(2, "0")}-${id}`), note, svg: draw(`c${n}`) });
  };
  const runDirs = results.filter((r) => r.kind === "run" && r.timeseries !== undefined);
  if (runDirs.length > 1) {
    const rows = runDirs.flatMap((r) => r.timeseries ?? []) as TimeseriesRow[];
    add(
      "all-trajectories",
      "All run folders together: where the lines part, the scenarios differ by more than chance.",
      (idPrefix) => trajectoryChart(rows, { title: "Outcomes and trust, all scenarios", idPrefix }),
    );
  }
  for (const r of results) {
    const name = listText(r.scenarios.map((s) => s.name));
    if (r.kind === "compare" && r.comparison !== undefined) {
      const keyRows = KEY_METRICS.flatMap((key) => {
        const row = r.comparison?.find((c) => c.metric === key.name);
        return row === undefined ? [] : [{ ...row, label: key.label, unit: key.unit }];
      });
      if (keyRows.length > 0) {
        add(
          `${name}-differences`,
          "Dots right of zero: higher in the second scenario; whiskers that cross zero: no clear difference.",
          (idPrefix) => differenceChart(keyRows as never, { idPrefix }),
        );
      }
    }
    if ((r.kind === "run" || r.kind === "compare") && r.timeseries !== undefined) {
      const rows = r.timeseries as unknown as TimeseriesRow[];
      const seed = r.scenarios[0]?.seed;
      const source = sourceOfRuns(rows, seed === undefined ? undefined : `seed ${seed}`);
      const ends = hasColumn(rows, "posts_ended") ? grantEndWeeks(rows) : [];
      if (hasColumn(rows, "outcomes_achieved")) {
        add(
          `${name}-trajectories`,
          "Outcomes build up while grants run; trust drops when key workers leave.",
          (
            idPrefix,
          ) =>
            trajectoryChart(rows, {
              title: `${name}: outcomes and trust over time`,
              source,
              markers: ends,
              idPrefix,
            }),
        );
      }
      if (hasColumn(rows, "fell_through_gaps") && hasColumn(rows, "families_waiting")) {
        add(
          `${name}-family-states`,
          "The blue band is families who completed; orange and purple, those who did not.",
          (idPrefix) =>
            familyStatesChart(rows, {
              title: `${name}: what happened to the families`,
              source,
              idPrefix,
            }),
        );
      }
      if (hasColumn(rows, "staff_leavers") && hasColumn(rows, "posts_filled")) {
        add(
          `${name}-staff`,
          "Leavers rise before grants end; short implied tenure means families change key worker often.",
          (
            idPrefix,
          ) =>
            staffChart(rows, {
              title: `${name}: key workers leaving, vacancies and tenure`,
              source,
              grantEnds: ends,
              idPrefix,
            }),
        );
      }
    }
    if (r.kind === "run" && r.network !== undefined && r.network.snapshots.length > 0) {
      const snapshots = r.network.snapshots;
      const shown = snapshots.findLast((s) => s.week <= 155) ?? snapshots[snapshots.length - 1];
      const scenario = r.scenarios[0];
      add(
        `${name}-network`,
        "Deep partnerships (thick lines) carry referrals; those on paper (dashed) rarely do.",
        (idPrefix) =>
          networkChart(shown, {
            title: `${name}: partnership network, end of year ${Math.round((shown.week + 1) / 52)}`,
            source: `Scenario ${name}, replicate 0, run seed ${r.network?.seed}`,
            seed: scenario?.seed ?? 0,
            idPrefix,
          }),
      );
    }
    if (r.kind === "sweep" && r.parameters.length > 0 && r.runs.length > 0) {
      const [x, y] = r.parameters;
      const rows = y === undefined ? r.runs.map((row) => ({ ...row, all: "all" })) : r.runs;
      const label = (p: string) => {
        const unit = sources.get(p)?.unit;
        return unit === undefined || unit === "" ? p : `${p} (${unit})`;
      };
      for (const metric of HEATMAP_METRICS.filter((m) => hasColumn(r.runs, m)).slice(0, 2)) {
        const unit = METRICS.find((m) => m.name === metric)?.unit ?? "";
        add(
          `${name}-heatmap-${metric}`,
          r.parameters.length > 2
            ? `Averaged over ${r.parameters.slice(2).join(", ")} as well.`
            : "Read along a row to see one parameter's effect with the other held fixed.",
          (idPrefix) =>
            sweepHeatmap(rows, {
              x,
              y: y ?? "all",
              metric,
              xLabel: label(x),
              yLabel: y === undefined ? "all points" : label(y),
              metricLabel: `${metricLabel(metric)} (${unit})`,
              idPrefix,
            }),
        );
      }
    }
    const indexRows = tornadoRows(r.indices ?? []);
    if (indexRows.length > 0) {
      const metrics = [...new Set(indexRows.map((row) => String(row.metric)))].slice(0, 3);
      const experiment = (r.manifest.experiment ?? {}) as Record<string, unknown>;
      const source = `${experiment.name ?? r.dir}${
        experiment.runs === undefined ? "" : `, ${experiment.runs} runs`
      }${name === "" ? "" : `, scenario ${name}`}`;
      for (const metric of metrics) {
        add(
          `${name}-tornado-${metric}`,
          "The longest bars are the parameters worth measuring better.",
          (idPrefix) =>
            tornadoChart(indexRows as never, {
              metric,
              metricLabel: `${metricLabel(metric)}`,
              source,
              idPrefix,
            }),
        );
      }
    }
  }
  return charts;
}

/**
 * Builds the report: one self-contained HTML page (inline SVG and CSS, no scripts, no external
 * resources) with the sections what was run, key findings, charts, summary tables,
 * assumptions and how to reproduce. Every string from a scenario or results file is escaped.
 *
 * @param results The folders, read with {@linkcode readResults}.
 * @param options Parameter sources, the report's command, time and title.
 * @returns The HTML page.
 * @throws {RangeError} If `results` is empty.
 *
 * @example
 * ```ts ignore
 * const html = buildReport([await readResults("out/baseline")], { sources: await readParameterSources() });
 * ```
 */
export function buildReport(results: readonly Results[], options: ReportOptions): string {
  if (results.length === 0) throw new RangeError("Cannot build a report of no results folders");
  const names = [...new Set(results.flatMap((r) => r.scenarios.map((s) => s.name)))];
  const title = options.title ?? `Simulation report: ${listText(names)}`;
  const when = (options.generatedAt ?? new Date()).toISOString().replace("T", " ").slice(0, 16);
  const charts = reportCharts(results, options.sources);
  const sections: Record<string, string> = {
    "what-was-run": whatWasRun(results),
    "key-findings": keyFindings(results),
    "charts": charts.length === 0
      ? '<p class="note">No charts: the folders hold no time series, comparison or sweep.</p>'
      : charts.map((c) =>
        `<figure id="chart-${escapeHtml(c.id)}">\n${stripXmlns(c.svg)}\n<figcaption>${
          escapeHtml(c.note)
        }</figcaption>\n</figure>`
      ).join("\n"),
    "summary-tables": summaryTables(results),
    "assumptions": assumptions(results, options.sources),
    "reproduce": reproduce(results, options.command),
  };
  return htmlPage(
    title,
    `Made by ${TOOL_NAME} ${TOOL_VERSION} on ${when} UTC from ${results.length} results folder${
      results.length === 1 ? "" : "s"
    }.`,
    sections,
  );
}

const KIND_TEXT = {
  run: "replicates of one scenario (sim run)",
  compare: "a paired comparison of two scenarios (sim compare)",
  sweep: "a parameter sweep (sim sweep)",
  sensitivity: "a sensitivity analysis",
} as const;

function whatWasRun(results: readonly Results[]): string {
  return results.map((r) => {
    const replicates = new Set(r.runs.map((row) => row.replicate)).size;
    const scenarios = r.scenarios.map((s) => {
      const params = s.params as { horizonYears?: number } | undefined;
      const horizon = params?.horizonYears === undefined
        ? ""
        : `, ${formatNumber(params.horizonYears)} years simulated`;
      return `<li><strong>${escapeHtml(s.name)}</strong>${
        s.file === "" ? "" : ` (<code>${escapeHtml(s.file)}</code>)`
      }${escapeHtml(horizon)}${s.description === "" ? "" : `: ${escapeHtml(s.description)}`}</li>`;
    }).join("\n");
    const experiment = (r.manifest.experiment ?? {}) as Record<string, unknown>;
    const extra = r.kind === "sweep"
      ? `<p>${
        escapeHtml(
          `${r.points?.length ?? "?"} points over ${
            r.parameters.join(" × ")
          }, ${replicates} replicates each (${r.runs.length} runs)${
            experiment.name === undefined ? "" : `; sweep "${experiment.name}"`
          }.`,
        )
      }</p>`
      : `<p>${
        escapeHtml(
          `${replicates} replicate${
            replicates === 1 ? "" : "s"
          } per scenario, ${r.runs.length} runs in all.`,
        )
      }</p>`;
    return `<h3>${escapeHtml(r.dir)}</h3>\n<p>${
      escapeHtml(`This folder holds ${KIND_TEXT[r.kind]}.`)
    }</p>\n<ul>${scenarios}</ul>\n${extra}`;
  }).join("\n");
}

function keyFindings(results: readonly Results[]): string {
  const blocks: string[] = [];
  for (const r of results) {
    const lines: string[] = [];
    if (r.kind === "compare" && r.comparison !== undefined) {
      lines.push(...comparisonFindings(r.comparison));
    } else if (r.kind === "sweep") {
      for (const metric of HEATMAP_METRICS.filter((m) => hasColumn(r.runs, m)).slice(0, 2)) {
        lines.push(...sweepFindings(r.runs, r.parameters, metric));
      }
    } else if (r.kind === "run") {
      const summaries = summariseRuns(r.runs);
      for (const [scenario, metrics] of summaries) {
        const s = r.scenarios.find((x) => x.name === scenario) ?? r.scenarios[0];
        const years = (s?.params as { horizonYears?: number } | undefined)?.horizonYears;
        lines.push(...scenarioFindings(scenario, metrics, years));
      }
    }
    const indexRows = tornadoRows(r.indices ?? []).filter((row) => row.index !== "sigma");
    if (indexRows.length > 0) {
      const metrics = [...new Set(indexRows.map((row) => String(row.metric)))];
      for (const metric of metrics) {
        const rows = indexRows.filter((row) => String(row.metric) === metric);
        const top = rows.reduce((a, b) => Number(b.estimate) > Number(a.estimate) ? b : a);
        lines.push(
          `For ${
            metricLabel(metric)
          }, the most influential parameter is ${top.parameter} (${top.index} ${
            formatNumber(Number(top.estimate))
          }, 95% interval ${formatNumber(Number(top.ci_low))} to ${
            formatNumber(Number(top.ci_high))
          }).`,
        );
      }
    }
    if (lines.length > 0) {
      blocks.push(
        `<h3>${escapeHtml(r.dir)}</h3>\n<ul class="findings">\n${
          lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("\n")
        }\n</ul>`,
      );
    }
  }
  blocks.push(
    '<p class="note">Intervals are 95% intervals of the mean across replicates (Student\'s t); ' +
      "for comparisons, of the mean of the differences paired replicate by replicate. They " +
      "describe the model's randomness, not uncertainty in its assumptions.</p>",
  );
  return blocks.join("\n");
}

function summaryTables(results: readonly Results[]): string {
  const out: string[] = [];
  const ordered = [
    ...KEY_METRICS.map((k) => k.name),
    ...METRICS.map((m) => m.name).filter((name) => !KEY_METRICS.some((k) => k.name === name)),
  ];
  const label = (name: string) => {
    const spec = METRICS.find((m) => m.name === name);
    return {
      html: `${escapeHtml(metricLabel(name))}<br><code>${escapeHtml(name)}</code>`,
      title: spec?.description ?? "",
    };
  };
  for (const r of results) {
    if (r.kind === "run") {
      for (const [scenario, metrics] of summariseRuns(r.runs)) {
        const rows = ordered.filter((name) => metrics.has(name)).map((name): Cell[] => {
          const s = metrics.get(name);
          const spec = METRICS.find((m) => m.name === name);
          if (s === undefined) return [];
          return [
            { html: label(name).html },
            spec?.unit ?? "",
            formatNumber(s.mean),
            s.n < 2 ? "–" : `${formatNumber(s.lo)} to ${formatNumber(s.hi)}`,
            `${formatNumber(s.q025)} to ${formatNumber(s.q975)}`,
            s.n,
          ];
        });
        out.push(htmlTable(
          ["metric", "unit", "mean", "95% interval of the mean", "2.5–97.5% of replicates", "n"],
          rows,
          { caption: `${scenario} (${r.dir}): every metric's run summary`, numeric: [2, 3, 4, 5] },
        ));
      }
    }
    if (r.kind === "compare" && r.comparison !== undefined) {
      const first = r.comparison[0] ?? {};
      const rows = ordered.flatMap((name): Cell[][] => {
        const row = r.comparison?.find((c) => c.metric === name);
        if (row === undefined) return [];
        const num = (f: string) => Number(row[f] ?? NaN);
        const rel = num("relative_change");
        return [[
          { html: label(name).html },
          String(row.unit ?? ""),
          formatNumber(num("mean_a")),
          formatNumber(num("mean_b")),
          formatNumber(num("mean_difference"), true),
          `${formatNumber(num("ci_low"), true)} to ${formatNumber(num("ci_high"), true)}`,
          Number.isFinite(rel) ? `${formatNumber(100 * rel, true)}%` : "–",
        ]];
      });
      out.push(htmlTable(
        [
          "metric",
          "unit",
          `A: ${first.scenario_a ?? "A"}`,
          `B: ${first.scenario_b ?? "B"}`,
          "B − A",
          "95% interval (paired)",
          "change",
        ],
        rows,
        {
          caption: `Paired comparison (${r.dir}), ${first.n ?? "?"} pairs`,
          numeric: [2, 3, 4, 5, 6],
        },
      ));
    }
    if (r.kind === "sweep") {
      const metrics = KEY_METRICS.filter((k) => hasColumn(r.runs, k.name)).slice(0, 6);
      const byPoint = new Map<unknown, Row[]>();
      for (const row of r.runs) {
        let list = byPoint.get(row.point);
        if (list === undefined) byPoint.set(row.point, list = []);
        list.push(row);
      }
      const rows = [...byPoint].map(([point, rows]): Cell[] => [
        String(point),
        ...r.parameters.map((p) => formatParameter(rows[0][p])),
        ...metrics.map((m) => formatNumber(mean(rows.map((row) => Number(row[m.name] ?? NaN))))),
      ]);
      out.push(htmlTable(
        ["point", ...r.parameters, ...metrics.map((m) => `${m.label} (${m.unit})`)],
        rows,
        {
          caption: `Sweep points (${r.dir}): means over each point's replicates`,
          numeric: metrics.map((_, i) => 1 + r.parameters.length + i),
        },
      ));
    }
    if (r.indices !== undefined) {
      out.push(htmlTable(
        ["metric", "parameter", "index", "estimate", "95% interval"],
        r.indices.map((row) => [
          String(row.metric),
          String(row.parameter),
          String(row.index),
          formatNumber(Number(row.estimate)),
          `${formatNumber(Number(row.ci_low))} to ${formatNumber(Number(row.ci_high))}`,
        ]),
        { caption: `Sensitivity indices (${r.dir})`, numeric: [3, 4] },
      ));
    }
  }
  return out.join("\n");
}

function assumptions(
  results: readonly Results[],
  sources: ReadonlyMap<string, ParameterSourceRow>,
): string {
  const columns: { name: string; params: unknown; swept: Map<string, unknown[]> }[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const swept = new Map<string, unknown[]>();
    if (r.kind === "sweep") {
      for (const p of r.parameters) {
        swept.set(
          p,
          [...new Set(r.runs.map((row) => row[p]))].sort((a, b) => Number(a) - Number(b)),
        );
      }
    }
    for (const s of r.scenarios) {
      const key = `${s.name}\u0000${s.contentHash}\u0000${JSON.stringify(s.params ?? null)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const taken = columns.some((c) => c.name === s.name);
      columns.push({ name: taken ? `${s.name} (${r.dir})` : s.name, params: s.params, swept });
    }
  }
  if (columns.length === 0) return '<p class="note">No scenario parameters were recorded.</p>';
  const sweptAll = new Map<string, unknown[]>();
  for (const c of columns) for (const [p, v] of c.swept) sweptAll.set(p, v);
  const rows = assumptionRows(columns.map((c) => c.params), sources);
  const body = rows.map((row): Cell[] => [
    { html: `<code>${escapeHtml(row.path)}</code>` },
    row.unit,
    row.defaultValue,
    ...row.values.map((v, i): Cell => {
      const swept = columns[i].swept.get(row.path);
      const text = swept === undefined ? v : `swept: ${swept.map(formatParameter).join(", ")}`;
      const differs = swept !== undefined || row.differs[i];
      return differs
        ? { html: `<span class="flag">≠</span> ${escapeHtml(text)}`, className: "differs" }
        : text;
    }),
    {
      html: row.source === undefined ? "–" : `${
        escapeHtml(
          row.source.source_type === row.source.source
            ? row.source.source
            : `${row.source.source_type}: ${row.source.source}`,
        )
      }${
        row.source.passage === ""
          ? ""
          : `<details><summary>why</summary>${escapeHtml(row.source.passage)}</details>`
      }`,
    },
  ]);
  const changed =
    rows.filter((row, i) =>
      row.differs.some(Boolean) || columns.some((c) => c.swept.has(rows[i].path))
    ).length;
  const shocks = columns.flatMap((c) => {
    const list = (c.params as { shocks?: Record<string, unknown>[] } | undefined)?.shocks ?? [];
    return list.map((shock): Cell[] => [
      c.name,
      String(shock.name ?? ""),
      String(shock.path ?? ""),
      String(shock.from ?? ""),
      String(shock.to ?? ""),
      shock.set !== undefined
        ? `set to ${shock.set}`
        : shock.multiply !== undefined
        ? `× ${shock.multiply}`
        : JSON.stringify(shock),
      String(shock.shape ?? shock.kind ?? ""),
    ]);
  });
  return `<p>${
    escapeHtml(
      `Every parameter the model used, with its unit, the model's default and where the default comes from (data/parameters.csv). ${changed} parameter${
        changed === 1 ? "" : "s"
      } differ from the defaults in at least one scenario: those cells are marked ≠ and highlighted.`,
    )
  }</p>\n` +
    htmlTable(
      ["parameter", "unit", "default", ...columns.map((c) => c.name), "source of the default"],
      body,
      { className: "assumptions" },
    ) +
    (shocks.length === 0 ? "" : htmlTable(
      ["scenario", "shock", "parameter", "from week", "to week", "change", "shape"],
      shocks,
      { caption: "Shocks (M9)", numeric: [3, 4] },
    ));
}

function reproduce(results: readonly Results[], command?: readonly string[]): string {
  const out: string[] = [];
  for (const r of results) {
    const tool = (r.manifest.tool ?? {}) as Record<string, unknown>;
    const cmd = Array.isArray(r.manifest.command) ? r.manifest.command.map(String) : undefined;
    const random = (r.manifest.random ?? {}) as Record<string, unknown>;
    const experiment = (r.manifest.experiment ?? {}) as Record<string, unknown>;
    const timing = (r.manifest.timing ?? {}) as Record<string, unknown>;
    const facts: Cell[][] = [
      ["tool", `${tool.name ?? TOOL_NAME} ${tool.version ?? "(not recorded)"}`],
      ["random generator", String(random.generator ?? "(not recorded)")],
    ];
    if (experiment.planHash !== undefined) {
      facts.push(["plan hash (SHA-256)", String(experiment.planHash)]);
    }
    if (experiment.seed !== undefined) facts.push(["experiment seed", String(experiment.seed)]);
    if (experiment.pairing !== undefined) facts.push(["pairing", String(experiment.pairing)]);
    for (const s of r.scenarios) {
      facts.push([
        `scenario ${s.name}`,
        `${s.file === "" ? "" : `${s.file}, `}content hash ${
          s.contentHash === "" ? "(not recorded)" : s.contentHash
        }${s.seed === undefined ? "" : `, seed ${s.seed}`}`,
      ]);
    }
    if (timing.startedAt !== undefined) facts.push(["run started", String(timing.startedAt)]);
    const seeds = new Map<string, unknown>();
    for (const row of r.runs) seeds.set(`${row.scenario}\u0000${row.replicate}`, row.seed);
    const byReplicate = new Map<string, Set<string>>();
    for (const [key, seed] of seeds) {
      const replicate = key.split("\u0000")[1];
      byReplicate.set(replicate, (byReplicate.get(replicate) ?? new Set()).add(String(seed)));
    }
    const shared = [...byReplicate.values()].every((set) => set.size === 1);
    const seedList: Cell[][] = shared
      ? [...byReplicate].map(([replicate, set]): Cell[] => [replicate, [...set][0]])
        .sort((a, b) => Number(a[0]) - Number(b[0]))
      : [...seeds].map(([key, seed]): Cell[] => {
        const [scenario, replicate] = key.split("\u0000");
        return [`${scenario}, ${replicate}`, String(seed)];
      });
    out.push(
      `<h3>${escapeHtml(r.dir)}</h3>\n` +
        (cmd === undefined
          ? '<p class="note">The command was not recorded (no manifest.json).</p>'
          : `<p>Run again from the repository root with:</p>\n<pre><code>${
            escapeHtml(`deno task sim ${cmd.map(shellQuote).join(" ")}`)
          }</code></pre>`) +
        htmlTable(["what", "value"], facts) +
        (seedList.length === 0 ? "" : htmlTable(
          ["replicate", "run seed"],
          seedList,
          {
            caption: shared ? "Run seeds, by replicate (shared by every scenario)" : "Run seeds",
            numeric: [1],
          },
        )),
    );
  }
  if (command !== undefined) {
    out.push(
      `<p>This report was made with:</p>\n<pre><code>${
        escapeHtml(`deno task sim ${command.map(shellQuote).join(" ")}`)
      }</code></pre>`,
    );
  }
  out.push(
    '<p class="note">The same tool version, scenario content and seeds give byte-identical ' +
      "data files. The runs' timing is recorded only in each folder's manifest.json.</p>",
  );
  return out.join("\n");
}

/**
 * Quotes a command-line argument for a POSIX shell when it needs quoting.
 *
 * @param arg The argument.
 * @returns It, or it in single quotes.
 *
 * @example
 * ```ts
 * import { shellQuote } from "./build_report.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 * deepStrictEqual([shellQuote("out/x"), shellQuote("a b"), shellQuote("it's")], ["out/x", "'a b'", "'it'\\''s'"]);
 * ```
 */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\/.=:,@+%-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** The indices a tornado shows: first- and total-order Sobol, Morris μ* and σ (not S2 or μ). */
function tornadoRows(rows: readonly Row[]): Row[] {
  return rows.filter((row) => ["S1", "ST", "mu_star", "sigma"].includes(String(row.index)));
}

function hasColumn(rows: readonly Row[], name: string): boolean {
  return rows.some((row) => typeof row[name] === "number");
}

function mean(values: readonly number[]): number {
  const defined = values.filter((v) => !Number.isNaN(v));
  return defined.length === 0 ? NaN : defined.reduce((a, b) => a + b, 0) / defined.length;
}

function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "")
    .slice(0, 80) || "chart";
}

/** Inline SVG in HTML needs no XML namespace declarations (the HTML parser supplies them). */
function stripXmlns(svg: string): string {
  return svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "<svg")
    .replace(/ xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/, "");
}
