import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  FAMILY_STATE_METRICS,
  FAMILY_STATES,
  familyStates,
  familyStatesChart,
} from "../../src/charts/mod.ts";
import { fixtureRows } from "./_fixtures.ts";
import { frameTexts, parseSvg, texts, writeOutput } from "./_svg.ts";

/** Fixture rows with the family-state metrics: a steady flow of 2 completions, 1 dropout a week. */
function stateRows(scenarios = ["baseline", "stable funding"]) {
  return fixtureRows({ scenarios, replicates: 2, weeks: 60 }).map((row) => ({
    ...row,
    families_waiting: 5,
    families_completed: 2,
    dropouts: 1,
    cases_closed: row.week === 30 ? 20 : 0,
    fell_through_gaps: row.week % 2,
  }));
}

Deno.test("familyStates() stacks stocks and running totals of the exits", () => {
  const states = familyStates(stateRows(["a"]));
  const last = states[states.length - 1];
  strictEqual(last.week, 59);
  deepStrictEqual(
    [last.completed, last.dropped_out, last.closed, last.fell_through_gaps, last.waiting],
    [120, 60, 20, 30, 5],
  );
  // engaged = supported × engaged share, averaged over the replicates
  const row = (replicate: number, supported: number, share: number) => ({
    scenario: "b",
    replicate,
    seed: 1,
    week: 0,
    families_supported: supported,
    engaged_share: share,
    families_waiting: 0,
    families_completed: 0,
    dropouts: 0,
    cases_closed: 0,
    fell_through_gaps: 0,
  });
  const [week0] = familyStates([row(0, 10, 0.5), row(1, 20, NaN)]);
  deepStrictEqual([week0.engaged, week0.not_engaged], [2.5, 12.5]);
});

Deno.test("familyStatesChart() draws one panel per scenario with six stacked states and the gaps line", async () => {
  const svg = familyStatesChart(stateRows());
  await writeOutput("family_states", svg);
  const root = parseSvg(svg);
  const frame = frameTexts(root);
  strictEqual(frame.title, "What happened to the families");
  ok(frame.subtitle.startsWith("Stack height"), frame.subtitle);
  strictEqual(frame.caption, "Source: Scenarios baseline and stable funding, 2 replicates each");
  const panels = Array.from(root.querySelectorAll("g.panel"));
  deepStrictEqual(panels.map((p) => p.getAttribute("data-scenario")), [
    "baseline",
    "stable funding",
  ]);
  for (const panel of panels) {
    const areas = Array.from(
      panel.querySelectorAll('g[aria-label="area"]'),
      (g) => g.getAttribute("aria-description"),
    );
    deepStrictEqual(areas, FAMILY_STATES.map((s) => `state: ${s.label}`));
    strictEqual(panel.querySelectorAll('g[aria-label="line"] path').length, 1);
    strictEqual(
      texts(panel, 'g[aria-label="y-axis label"] text')[0],
      "↑ families (entered so far)",
    );
    ok(texts(panel, 'g[aria-label="x-axis label"] text')[0].includes("Year"));
    ok(texts(panel, 'g[aria-description="band labels"] text').includes("completed"));
  }
  deepStrictEqual(
    texts(root, "g.legend text"),
    [...FAMILY_STATES.map((s) => s.label), "fell through the gaps (to date)"],
  );
});

Deno.test("familyStatesChart() names the first missing metric", () => {
  throws(() => familyStatesChart([]), RangeError);
  for (const name of FAMILY_STATE_METRICS) {
    const rows = stateRows(["a"]).map((row) => {
      const copy: Record<string, unknown> = { ...row };
      delete copy[name];
      return copy as typeof row;
    });
    throws(() => familyStatesChart(rows), {
      name: "RangeError",
      message: `Cannot draw metric "${name}": no row has it`,
    });
  }
});
