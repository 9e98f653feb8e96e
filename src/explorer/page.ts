/**
 * The explorer page (the browser entry point, bundled into `explorer.js`): builds the controls,
 * keeps their state in the URL, validates each side through the scenario schema, sends the
 * runs to the simulation Worker, and draws the replicates with Observable Plot as they arrive.
 * The bundled scenarios and the Worker's code are embedded by the build in
 * `PARTNERSHIP_SIM_EXPLORER`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Recording } from "../core/mod.ts";
import { METRICS } from "../model/mod.ts";
import type { RunResult } from "../experiment/replicates.ts";
import { summariseRun } from "../experiment/run_summary.ts";
import { pairedDifference, summarise, type Summary } from "../experiment/stats.ts";
import { tableToCsv, timeseriesTable } from "../experiment/tables.ts";
import { ScenarioError } from "../scenario/errors.ts";
import { resolveScenario } from "../scenario/scenario.ts";
import { CONTROLS, type ControlSpec, snapToControl } from "./controls.ts";
import type { RunRequest, WorkerMessage } from "./run_protocol.ts";
import { scenarioFileName, scenarioYaml } from "./scenario_export.ts";
import {
  type BandPoint,
  bandSeries,
  pairedDifferenceSeries,
  PANELS,
  type PanelSpec,
  panelValues,
} from "./series.ts";
import {
  type BundledScenario,
  type ExplorerState,
  findBundled,
  MAX_REPLICATES,
  sideFor,
  type SideScenario,
  sideScenarios,
  type SideState,
  withControl,
} from "./state.ts";
import { decodeState, encodeState } from "./url_state.ts";

/** What the build embeds before this script. */
interface Embedded {
  readonly version: string;
  readonly workerSource: string;
  readonly scenarios: readonly BundledScenario[];
}

type SideKey = "a" | "b";
const SIDES: readonly SideKey[] = ["a", "b"];
const SIDE_LABEL: Record<SideKey, string> = { a: "A", b: "B" };
const COLORS = ["#0072B2", "#D55E00"]; // Okabe–Ito blue and vermillion, as the CLI's charts
const DASHES = ["none", "7,3"];
const DIFFERENCE_COLOR = "#009E73";
const WEEKS_PER_YEAR = 52;
const RUN_DELAY_MS = 150;
/** Drawing work per animation frame before yielding to the page, ms (one chart at least). */
const FRAME_BUDGET_MS = 4;
/** Least time between redraws while replicates are arriving, ms. */
const REDRAW_INTERVAL_MS = 250;

/** Run summaries shown in the table, with how many digits. */
const SUMMARY_METRICS: readonly { metric: string; label: string; digits: number }[] = [
  { metric: "outcomes_achieved", label: "Outcomes achieved (total)", digits: 0 },
  { metric: "mean_trust", label: "Mean trust in key worker", digits: 3 },
  { metric: "key_worker_changes_per_family", label: "Key-worker changes per family", digits: 3 },
  { metric: "referrals_completed", label: "Referrals completed (total)", digits: 0 },
  { metric: "cost_per_outcome_gbp", label: "Cost per outcome (£)", digits: 0 },
  { metric: "outcomes_per_million_gbp", label: "Outcomes per £1m", digits: 1 },
];

interface SideInputs {
  readonly fieldset: HTMLFieldSetElement;
  readonly select: HTMLSelectElement;
  readonly description: HTMLElement;
  readonly inputs: Map<string, HTMLInputElement>;
  readonly outputs: Map<string, HTMLOutputElement>;
  readonly working: HTMLElement;
}

interface ReceivedRun {
  readonly replicate: number;
  readonly seed: number;
  readonly recording: Recording;
  /** Run summary of each metric (computed once, on arrival). */
  readonly summary: Record<string, number>;
}

interface RunResults {
  readonly id: number;
  readonly scenarios: readonly SideScenario[];
  readonly runs: ReceivedRun[][];
  readonly expected: number;
  received: number;
  done: boolean;
  milliseconds: number;
}

const embedded = (globalThis as { PARTNERSHIP_SIM_EXPLORER?: Embedded }).PARTNERSHIP_SIM_EXPLORER;
const root = document.getElementById("explorer");
if (root && embedded) {
  start(root, embedded);
} else if (root) {
  root.textContent = "The explorer was built without its scenarios: run deno task sim explore.";
}

function start(root: HTMLElement, data: Embedded): void {
  const bundled = data.scenarios;
  const decoded = decodeState(location.hash, bundled);
  let state: ExplorerState = decoded.state;
  let linkProblems: readonly string[] = decoded.problems;
  let writtenHash = "";
  let runId = 0;
  let shown: RunResults | undefined;
  let pending: RunResults | undefined;
  let runTimer: ReturnType<typeof setTimeout> | undefined;
  let renderJobs: (() => void)[] = [];
  let renderAfter: (() => void) | undefined;
  let renderPending = false;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRedraw = -Infinity;
  let differenceMetric = PANELS[0].metric;

  // ---- layout ----
  root.textContent = "";
  const settings = el("div", { class: "settings" });
  const compareBox = input("compare", "checkbox");
  const seedBox = input("seed", "number", { min: "0", max: String(2 ** 32 - 1), step: "1" });
  const repsBox = input("replicates", "number", {
    min: "1",
    max: String(MAX_REPLICATES),
    step: "1",
  });
  settings.append(
    el("div", { class: "check" }, compareBox, " ", label("compare", "Compare A with B")),
    el("div", {}, label("seed", "Seed (shared by A and B)"), seedBox),
    el("div", {}, label("replicates", `Replicates per scenario (1–${MAX_REPLICATES})`), repsBox),
  );
  const sides: Record<SideKey, SideInputs> = { a: buildSide("a"), b: buildSide("b") };
  const controlsForm = el("form", { class: "controls", "aria-label": "Scenario controls" });
  controlsForm.addEventListener("submit", (e) => e.preventDefault());
  const sidesBox = el("div", { class: "sides" }, sides.a.fieldset, sides.b.fieldset);

  const downloadA = button("Download scenario A (YAML)", () => downloadScenario(0));
  const downloadB = button("Download scenario B (YAML)", () => downloadScenario(1));
  const downloadData = button("Download data (CSV)", () => downloadCsv());
  downloadData.disabled = true;
  const actions = el("div", { class: "actions" }, downloadA, downloadB, downloadData);

  const progress = el("progress", { id: "progress", max: "1", value: "0" }) as HTMLProgressElement;
  const status = el("p", { id: "status", role: "status", "aria-live": "polite" });
  const problems = el("ul", { id: "problems", class: "problems", role: "alert" });
  const statusBox = el(
    "div",
    { class: "status" },
    label("progress", "Runs done"),
    progress,
    status,
  );
  const legend = el("p", { class: "legend", id: "legend" });

  const figures = PANELS.map((p, i) => buildFigure(`panel-${i}`, p.label));
  const difference = buildFigure("difference", "Difference B − A (paired by replicate)");
  difference.figure.classList.add("difference");
  const differenceSelect = el("select", { id: "difference-metric" }) as HTMLSelectElement;
  for (const p of PANELS) differenceSelect.append(new Option(p.label, p.metric));
  differenceSelect.addEventListener("change", () => {
    differenceMetric = differenceSelect.value;
    scheduleRender();
  });
  difference.figure.insertBefore(
    el("div", {}, label("difference-metric", "Difference of "), differenceSelect),
    difference.figure.children[1],
  );
  const charts = el(
    "section",
    { id: "charts", class: "charts", "aria-label": "Charts", tabindex: "-1" },
    ...figures.map((f) => f.figure),
    difference.figure,
  );
  const summary = el("section", { class: "summary", "aria-labelledby": "summary-title" });
  const chartsColumn = el(
    "div",
    { class: "results" },
    statusBox,
    problems,
    legend,
    charts,
    summary,
  );
  controlsForm.append(settings, sidesBox, actions);
  const layout = el("div", { class: "layout" }, controlsForm, chartsColumn);
  root.append(layout);

  // ---- the Worker ----
  const workerUrl = URL.createObjectURL(
    new Blob([data.workerSource], { type: "text/javascript" }),
  );
  const worker = new Worker(workerUrl);
  worker.onmessage = (event: MessageEvent<WorkerMessage>) =>
    measured("receive", () => receive(event.data));
  worker.onerror = (event) => {
    showProblems([`The simulation stopped: ${event.message}`]);
  };

  // ---- events ----
  compareBox.addEventListener("change", () => {
    state = { ...state, compare: compareBox.checked, b: state.a };
    changed();
  });
  seedBox.addEventListener("change", () => {
    const seed = Number(seedBox.value);
    if (Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1) {
      state = { ...state, seed };
      changed();
    } else {
      showProblems([
        `Seed: expected a whole number in [0, ${2 ** 32 - 1}], found "${seedBox.value}"`,
      ]);
    }
  });
  repsBox.addEventListener("change", () => {
    const reps = Number(repsBox.value);
    if (Number.isInteger(reps) && reps >= 1 && reps <= MAX_REPLICATES) {
      state = { ...state, replicates: reps };
      changed();
    } else {
      showProblems([
        `Replicates: expected a whole number in [1, ${MAX_REPLICATES}], found "${repsBox.value}"`,
      ]);
    }
  });
  addEventListener("hashchange", () => {
    if (location.hash.slice(1) === writtenHash) return;
    const next = decodeState(location.hash, bundled);
    state = next.state;
    linkProblems = next.problems;
    changed(true);
  });
  addEventListener("resize", () => scheduleRender());

  changed(true);

  // ---- functions ----
  function buildSide(key: SideKey): SideInputs {
    const fieldset = el("fieldset", {
      class: `side ${key}`,
      id: `side-${key}`,
    }) as HTMLFieldSetElement;
    fieldset.append(el("legend", {}, `Scenario ${SIDE_LABEL[key]}`));
    const select = el("select", { id: `${key}-scenario` }) as HTMLSelectElement;
    for (const b of bundled) select.append(new Option(b.name, b.name));
    const description = el("p", { class: "description", id: `${key}-scenario-description` });
    select.setAttribute("aria-describedby", description.id);
    select.addEventListener("change", () => {
      const picked = findBundled(bundled, select.value);
      const side = sideFor(picked);
      // Picking scenario A also takes its seed, so a bundled scenario runs as the CLI runs it.
      state = key === "a" ? { ...state, a: side, seed: picked.seed } : { ...state, b: side };
      changed();
    });
    fieldset.append(
      el("div", { class: "control" }, label(`${key}-scenario`, "Start from"), select),
      description,
    );
    const inputs = new Map<string, HTMLInputElement>();
    const outputs = new Map<string, HTMLOutputElement>();
    const depth = el("fieldset", { class: "depth" }, el("legend", {}, "Partnership depth"));
    const working = el("p", { class: "help", id: `${key}-working` });
    for (const control of CONTROLS) {
      const row = buildControl(key, control, inputs, outputs);
      if (control.key === "paper" || control.key === "deep") depth.append(row);
      else fieldset.append(row);
      if (control.key === "deep") {
        depth.append(working);
        fieldset.append(depth);
      }
    }
    return { fieldset, select, description, inputs, outputs, working };
  }

  function buildControl(
    key: SideKey,
    control: ControlSpec,
    inputs: Map<string, HTMLInputElement>,
    outputs: Map<string, HTMLOutputElement>,
  ): HTMLElement {
    const id = `${key}-${control.key}`;
    const range = input(id, "range", {
      min: String(control.min),
      max: String(control.max),
      step: String(control.step),
      "aria-describedby": `${id}-help`,
    });
    const output = el("output", { for: id, id: `${id}-value` }) as HTMLOutputElement;
    range.addEventListener("input", () => {
      const value = snapToControl(control, Number(range.value));
      state = { ...state, [key]: withControl(state[key], control, value) };
      changed();
    });
    inputs.set(control.key, range);
    outputs.set(control.key, output);
    return el(
      "div",
      { class: "control" },
      el(
        "label",
        { for: id },
        control.label,
        " ",
        el("span", { class: "unit" }, `(${control.unit})`),
      ),
      el("div", { class: "row" }, range, output),
      el("p", { class: "help", id: `${id}-help` }, control.help),
    );
  }

  /**
   * After any change of state: show it, write the URL, validate, and start a run soon. A link's
   * problems stay listed until the user changes something.
   */
  function changed(fromLink = false): void {
    measured("change", () => applyChange(fromLink));
  }

  function applyChange(fromLink: boolean): void {
    if (!fromLink) linkProblems = [];
    showState();
    writtenHash = encodeState(state);
    if (location.hash.slice(1) !== writtenHash) {
      history.replaceState(null, "", `#${writtenHash}`);
    }
    const checked = validate();
    showProblems([...linkProblems, ...checked.problems]);
    clearTimeout(runTimer);
    if (checked.problems.length === 0) {
      runTimer = setTimeout(
        () => measured("start", () => startRun(checked.scenarios)),
        RUN_DELAY_MS,
      );
    }
  }

  function showState(): void {
    compareBox.checked = state.compare;
    seedBox.value = String(state.seed);
    repsBox.value = String(state.replicates);
    layout.classList.toggle("compare", state.compare);
    sides.b.fieldset.hidden = !state.compare;
    difference.figure.hidden = !state.compare;
    downloadB.hidden = !state.compare;
    for (const key of SIDES) {
      const side: SideState = state[key];
      const inputs = sides[key];
      inputs.select.value = side.scenario;
      inputs.description.textContent = findBundled(bundled, side.scenario).description;
      for (const control of CONTROLS) {
        const value = side.controls[control.key];
        const range = inputs.inputs.get(control.key);
        const output = inputs.outputs.get(control.key);
        if (range && Number(range.value) !== value) range.value = String(value);
        if (range) range.setAttribute("aria-valuetext", control.format(value));
        if (output) output.textContent = control.format(value);
      }
      inputs.working.textContent = `Working: ${100 - side.controls.paper - side.controls.deep}%`;
    }
  }

  function validate(): { scenarios: SideScenario[]; problems: string[] } {
    const scenarios = sideScenarios(state, bundled);
    const found: string[] = [];
    scenarios.forEach((s, i) => {
      try {
        resolveScenario(s.raw, s.name);
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        for (const issue of error.issues) {
          const control = CONTROLS.find((c) => c.fields.includes(issue.path));
          const where = control ? control.label : issue.path;
          found.push(
            `Scenario ${
              SIDE_LABEL[SIDES[i]]
            }, ${where}: expected ${issue.expected}, found ${issue.found}`,
          );
        }
      }
    });
    return { scenarios, problems: found };
  }

  function startRun(scenarios: SideScenario[]): void {
    runId++;
    const request: RunRequest = {
      type: "run",
      id: runId,
      seed: state.seed,
      replicates: state.replicates,
      sides: scenarios.map((s, i) => ({
        label: SIDE_LABEL[SIDES[i]],
        name: s.name,
        params: resolveScenario(s.raw, s.name).params,
      })),
    };
    pending = {
      id: runId,
      scenarios,
      runs: scenarios.map(() => []),
      expected: scenarios.length * state.replicates,
      received: 0,
      done: false,
      milliseconds: 0,
    };
    progress.max = pending.expected;
    progress.value = 0;
    status.dataset.state = "running";
    status.dataset.run = String(runId);
    status.textContent = `Running ${pending.expected} runs…`;
    worker.postMessage(request);
  }

  function receive(message: WorkerMessage): void {
    if (!pending || message.id !== pending.id) return;
    if (message.type === "failed") {
      showProblems([`The simulation failed: ${message.message}`]);
      status.dataset.state = "failed";
      return;
    }
    if (message.type === "replicate") {
      const recording = {
        metrics: message.metrics,
        weeks: message.weeks,
        columns: message.columns,
      };
      pending.runs[message.side].push({
        replicate: message.replicate,
        seed: message.seed,
        recording,
        summary: summariseRun(recording),
      });
      pending.received++;
      progress.value = pending.received;
      shown = pending;
      downloadData.disabled = false;
      redrawSoon();
      return;
    }
    pending.done = true;
    pending.milliseconds = message.milliseconds;
    const seconds = message.milliseconds / 1000;
    status.textContent = `Done: ${message.runs} runs in ${seconds.toFixed(2)} s (${
      (seconds / Math.max(1, message.runs)).toFixed(3)
    } s per run).`;
    status.dataset.seconds = seconds.toFixed(3);
    shown = pending;
    const id = pending.id;
    clearTimeout(redrawTimer);
    redrawTimer = undefined;
    scheduleRender(() => {
      // Only if no newer run started meanwhile.
      if (status.dataset.run === String(id)) status.dataset.state = "done";
    });
  }

  /** Redraws while replicates arrive, at most once every {@linkcode REDRAW_INTERVAL_MS}. */
  function redrawSoon(): void {
    if (redrawTimer !== undefined) return;
    const wait = Math.max(0, lastRedraw + REDRAW_INTERVAL_MS - performance.now());
    redrawTimer = setTimeout(() => {
      redrawTimer = undefined;
      lastRedraw = performance.now();
      scheduleRender();
    }, wait);
  }

  /**
   * Redraws from the latest results, one chart per slice of work: jobs run in animation frames,
   * each frame stopping after {@linkcode FRAME_BUDGET_MS}, so no single task blocks the page.
   * `after` runs once everything is drawn (a newer request replaces an older `after`).
   */
  function scheduleRender(after?: () => void): void {
    renderJobs = renderJobsFor();
    if (after) renderAfter = after;
    if (!renderPending) {
      renderPending = true;
      requestAnimationFrame(renderSlice);
    }
  }

  function renderSlice(): void {
    const started = performance.now();
    while (renderJobs.length > 0 && performance.now() - started < FRAME_BUDGET_MS) {
      const job = renderJobs.shift();
      job?.();
    }
    if (renderJobs.length > 0) {
      requestAnimationFrame(renderSlice);
      return;
    }
    renderPending = false;
    const after = renderAfter;
    renderAfter = undefined;
    after?.();
  }

  function renderJobsFor(): (() => void)[] {
    const results = shown;
    if (!results) return [];
    const jobs: (() => void)[] = [() => measured("legend", () => drawLegend(results))];
    PANELS.forEach((spec, i) =>
      jobs.push(() => measured(`panel-${i}`, () => drawPanel(figures[i], spec, results)))
    );
    if (results.scenarios.length === 2) {
      jobs.push(() => measured("difference", () => drawDifference(results)));
    }
    jobs.push(() => measured("summary", () => drawSummary(results)));
    return jobs;
  }

  function drawLegend(results: RunResults): void {
    const names = results.scenarios.map((s) => s.name);
    legend.replaceChildren(
      ...names.map((name, i) =>
        el(
          "span",
          { class: SIDES[i] },
          el("span", { class: "swatch", "aria-hidden": "true" }),
          `${SIDE_LABEL[SIDES[i]]}: ${name}`,
        )
      ),
      el(
        "span",
        {},
        `${countRuns(results)} of ${results.expected} runs; lines: mean; bands: 95% of replicates`,
      ),
    );
  }

  function drawPanel(figure: Figure, spec: PanelSpec, results: RunResults): void {
    const m = metricIndex(spec.metric);
    const bands = results.runs.map((runs) =>
      bandSeries(runs.map((r) => panelValues(spec, r.recording.columns[m])))
    );
    const marks: Plot.Markish[] = [];
    bands.forEach((points, i) => {
      marks.push(
        Plot.areaY(points, {
          x: (d: BandPoint) => d.week / WEEKS_PER_YEAR,
          y1: "lo",
          y2: "hi",
          fill: COLORS[i],
          fillOpacity: 0.18,
        }),
        Plot.lineY(points, {
          x: (d: BandPoint) => d.week / WEEKS_PER_YEAR,
          y: "mean",
          stroke: COLORS[i],
          strokeWidth: 1.75,
          strokeDasharray: DASHES[i],
        }),
      );
    });
    const sentence = captionFor(spec, results, bands);
    figure.caption.textContent = sentence;
    bands.forEach((points, i) => {
      const last = lastDefined(points);
      figure.figure.dataset[`final${SIDE_LABEL[SIDES[i]]}`] = last ? String(last.mean) : "";
    });
    if (bands.length < 2) delete figure.figure.dataset.finalB;
    figure.plot.replaceChildren(
      plot({
        width: plotWidth(figure.plot),
        height: 220,
        marginLeft: 56,
        x: { label: "Years", domain: [0, weeksOf(results) / WEEKS_PER_YEAR] },
        y: { label: spec.unit, grid: true, zero: true },
        marks,
        ariaLabel: `${spec.label} (${spec.unit}) over ${yearsOf(results)} years`,
        ariaDescription: sentence,
      }),
    );
    figure.table.replaceChildren(
      yearTable(
        spec,
        results.scenarios.map((s, i) => `${SIDE_LABEL[SIDES[i]]}: ${s.name}`),
        bands,
      ),
    );
  }

  function drawDifference(results: RunResults): void {
    const spec = PANELS.find((p) => p.metric === differenceMetric) ?? PANELS[0];
    const m = metricIndex(spec.metric);
    const [a, b] = results.runs.map((runs) =>
      [...runs].sort((x, y) => x.replicate - y.replicate).map((r) =>
        panelValues(spec, r.recording.columns[m])
      )
    );
    const points = pairedDifferenceSeries(a, b);
    const pairs = Math.min(a.length, b.length);
    const last = lastDefined(points);
    const sentence = last
      ? `${spec.label}, B − A after ${formatYears(last.week)}: mean ${
        signed(last.mean, spec.digits)
      } (95% of ${pairs} paired replicates between ${signed(last.lo, spec.digits)} and ${
        signed(last.hi, spec.digits)
      }) ${spec.unit}.`
      : "No paired replicates yet.";
    difference.caption.textContent = sentence;
    difference.figure.dataset.finalDifference = last ? String(last.mean) : "";
    difference.plot.replaceChildren(
      plot({
        width: plotWidth(difference.plot),
        height: 220,
        marginLeft: 56,
        x: { label: "Years", domain: [0, weeksOf(results) / WEEKS_PER_YEAR] },
        y: { label: `B − A, ${spec.unit}`, grid: true },
        marks: [
          Plot.ruleY([0], { stroke: "#777" }),
          Plot.areaY(points, {
            x: (d: BandPoint) => d.week / WEEKS_PER_YEAR,
            y1: "lo",
            y2: "hi",
            fill: DIFFERENCE_COLOR,
            fillOpacity: 0.2,
          }),
          Plot.lineY(points, {
            x: (d: BandPoint) => d.week / WEEKS_PER_YEAR,
            y: "mean",
            stroke: DIFFERENCE_COLOR,
            strokeWidth: 1.75,
          }),
        ],
        ariaLabel: `Difference B − A of ${spec.label.toLowerCase()}, paired by replicate`,
        ariaDescription: sentence,
      }),
    );
    difference.table.replaceChildren(yearTable(spec, ["B − A"], [points]));
  }

  function drawSummary(results: RunResults): void {
    const summaries = results.runs.map((runs) =>
      [...runs].sort((x, y) => x.replicate - y.replicate).map((r) => r.summary)
    );
    const compare = results.scenarios.length === 2;
    const head = el(
      "tr",
      {},
      el("th", { scope: "col" }, "Metric (run summary)"),
      ...results.scenarios.map((s, i) =>
        el("th", { scope: "col" }, `${SIDE_LABEL[SIDES[i]]}: ${s.name}, mean [95% interval]`)
      ),
      ...(compare ? [el("th", { scope: "col" }, "B − A, paired, mean [95% interval]")] : []),
    );
    const rows = SUMMARY_METRICS.map(({ metric, label, digits }) => {
      const values = summaries.map((list) => list.map((s) => s[metric]));
      const cells = values.map((v) => el("td", {}, interval(summarise(v), digits)));
      if (compare) {
        const pairs = Math.min(values[0].length, values[1].length);
        const d = pairedDifference(values[0].slice(0, pairs), values[1].slice(0, pairs));
        cells.push(el("td", {}, interval(d, digits, true)));
      }
      return el("tr", {}, el("th", { scope: "row" }, label), ...cells);
    });
    summary.replaceChildren(
      el("h2", { id: "summary-title" }, "Run summaries"),
      el(
        "table",
        {},
        el(
          "caption",
          {},
          `Over ${yearsOf(results)} years, ${countRuns(results)} runs, seed ${state.seed}. ` +
            "Totals are summed over weeks, trust averaged, ratios taken at the last week.",
        ),
        el("thead", {}, head),
        el("tbody", {}, ...rows),
      ),
    );
  }

  function downloadScenario(side: number): void {
    const scenarios = validate().scenarios;
    const scenario = scenarios[side];
    if (!scenario) return;
    save(
      scenarioFileName(scenario),
      scenarioYaml(scenario, `explorer #${encodeState(state)}`),
      "application/yaml",
    );
  }

  function downloadCsv(): void {
    const results = shown;
    if (!results) return;
    const runs: RunResult[] = [];
    results.scenarios.forEach((s, i) => {
      for (const r of [...results.runs[i]].sort((x, y) => x.replicate - y.replicate)) {
        runs.push({
          scenario: s.name,
          replicate: r.replicate,
          seed: r.seed,
          recording: r.recording,
          accounts: NO_ACCOUNTS,
          network: [],
        });
      }
    });
    save("explorer-timeseries.csv", tableToCsv(timeseriesTable(runs)), "text/csv");
  }

  function showProblems(lines: readonly string[]): void {
    problems.replaceChildren(...lines.map((line) => el("li", {}, line)));
  }
}

const NO_ACCOUNTS = Object.freeze({
  sector: new Uint8Array(0),
  years: 0,
  budgetByYear: new Float64Array(0),
  spendByYear: new Float64Array(0),
});

interface Figure {
  readonly figure: HTMLElement;
  readonly plot: HTMLElement;
  readonly caption: HTMLElement;
  readonly table: HTMLElement;
}

function buildFigure(id: string, title: string): Figure {
  const plot = el("div", { class: "plot" });
  const caption = el("figcaption", { id: `${id}-caption` });
  const table = el("div", {});
  const figure = el(
    "figure",
    { id, "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-caption` },
    el("h3", { id: `${id}-title` }, title),
    plot,
    caption,
    el("details", {}, el("summary", {}, "Data table"), table),
  );
  return { figure, plot, caption, table };
}

function yearTable(spec: PanelSpec, columns: readonly string[], bands: BandPoint[][]): HTMLElement {
  const weeks = Math.max(0, ...bands.map((b) => b.length));
  const rows: HTMLElement[] = [];
  for (let year = 1; year * WEEKS_PER_YEAR <= weeks; year++) {
    const w = year * WEEKS_PER_YEAR - 1;
    rows.push(
      el(
        "tr",
        {},
        el("th", { scope: "row" }, String(year)),
        ...bands.map((b) => el("td", {}, b[w] ? bandText(b[w], spec.digits) : "–")),
      ),
    );
  }
  return el(
    "table",
    {},
    el(
      "caption",
      {},
      `${spec.label} (${spec.unit}) at the end of each year: mean [95% of replicates]`,
    ),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Year"),
        ...columns.map((c) => el("th", { scope: "col" }, c)),
      ),
    ),
    el("tbody", {}, ...rows),
  );
}

function captionFor(spec: PanelSpec, results: RunResults, bands: BandPoint[][]): string {
  const parts = bands.map((points, i) => {
    const last = lastDefined(points);
    const who = `${SIDE_LABEL[SIDES[i]]} (${results.scenarios[i].name})`;
    return last ? `${who} ${bandText(last, spec.digits)}` : `${who} no value yet`;
  });
  const week = Math.max(-1, ...bands.map((b) => lastDefined(b)?.week ?? -1));
  return `${spec.label} after ${formatYears(week)}, mean [95% of replicates]: ${
    parts.join("; ")
  } ${spec.unit}.`;
}

function bandText(p: BandPoint, digits: number): string {
  return `${number(p.mean, digits)} [${number(p.lo, digits)}, ${number(p.hi, digits)}]`;
}

function interval(s: Summary, digits: number, sign = false): string {
  const f = sign ? signed : number;
  if (s.n === 0) return "–";
  if (s.n < 2) return f(s.mean, digits);
  return `${f(s.mean, digits)} [${f(s.lo, digits)}, ${f(s.hi, digits)}]`;
}

function number(value: number, digits: number): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function signed(value: number, digits: number): string {
  const text = number(value, digits);
  return value > 0 ? `+${text}` : text;
}

function formatYears(week: number): string {
  const years = (week + 1) / WEEKS_PER_YEAR;
  const text = Number.isInteger(years) ? String(years) : years.toFixed(1);
  return `${text} year${years === 1 ? "" : "s"}`;
}

function lastDefined(points: readonly BandPoint[]): BandPoint | undefined {
  for (let i = points.length - 1; i >= 0; i--) {
    if (Number.isFinite(points[i].mean)) return points[i];
  }
  return undefined;
}

function countRuns(results: RunResults): number {
  return results.runs.reduce((n, r) => n + r.length, 0);
}

function weeksOf(results: RunResults): number {
  return Math.max(1, ...results.runs.flat().map((r) => r.recording.weeks));
}

function yearsOf(results: RunResults): string {
  const years = weeksOf(results) / WEEKS_PER_YEAR;
  return Number.isInteger(years) ? String(years) : years.toFixed(1);
}

function metricIndex(name: string): number {
  const index = METRICS.findIndex((m) => m.name === name);
  if (index < 0) throw new RangeError(`Cannot find metric "${name}"`);
  return index;
}

function plotWidth(container: HTMLElement): number {
  return Math.max(280, Math.min(640, Math.floor(container.clientWidth || 360)));
}

function save(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: fileName }) as HTMLAnchorElement;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function el(
  tag: string,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function label(forId: string, text: string): HTMLElement {
  return el("label", { for: forId }, text);
}

function input(
  id: string,
  type: string,
  attributes: Record<string, string> = {},
): HTMLInputElement {
  return el("input", { id, name: id, type, ...attributes }) as HTMLInputElement;
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = el("button", { type: "button" }, text) as HTMLButtonElement;
  b.addEventListener("click", onClick);
  return b;
}

/** Runs `work` and records its time as a performance measure `explorer:<name>`. */
function measured(name: string, work: () => void): void {
  const start = performance.now();
  work();
  performance.measure(`explorer:${name}`, { start, end: performance.now() });
}

/**
 * Draws a Plot chart without the `<style>` element Plot puts in each SVG: its rules are in the
 * page's stylesheet once (for the class `explorer-plot`), and a new stylesheet in the document
 * would make the browser restyle the whole page on every redraw.
 */
function plot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  const chart = Plot.plot({ ...options, className: "explorer-plot" });
  chart.querySelector(":scope > style")?.remove();
  return chart;
}
