import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { grantEndWeeks, STAFF_METRICS, staffChart } from "../../src/charts/mod.ts";
import { fixtureRows } from "./_fixtures.ts";
import { frameTexts, parseSvg, texts, writeOutput } from "./_svg.ts";

/** Fixture rows with posts ending at weeks 52 (every run) and 60 (one run of six). */
function staffRows() {
  return fixtureRows({ replicates: 3, weeks: 104 }).map((row) => ({
    ...row,
    posts_filled: 40 - (row.week >= 52 ? 10 : 0),
    posts_ended: row.week === 52
      ? 10
      : row.week === 60 && row.replicate === 0 && row.scenario === "baseline"
      ? 2
      : 0,
  }));
}

Deno.test("grantEndWeeks() keeps the weeks where at least one post ended on average", () => {
  deepStrictEqual(grantEndWeeks(staffRows()), [{ week: 52, label: "grants end" }]);
  deepStrictEqual(grantEndWeeks(staffRows(), 0.1).map((m) => m.week), [52, 60]);
  deepStrictEqual(grantEndWeeks(fixtureRows({ weeks: 5 })), [], "no posts_ended column, no ends");
});

Deno.test("staffChart() draws leavers, vacancies, posts filled and implied tenure with grant ends marked", async () => {
  const svg = staffChart(staffRows());
  await writeOutput("staff", svg);
  const root = parseSvg(svg);
  const frame = frameTexts(root);
  strictEqual(frame.title, "Key workers: leavers, vacancies and tenure");
  ok(frame.subtitle.includes("grants end"), frame.subtitle);
  strictEqual(frame.caption, "Source: Scenarios baseline and stable funding, 3 replicates each");
  const panels = Array.from(root.querySelectorAll("g.panel"));
  deepStrictEqual(
    panels.map((p) => p.getAttribute("data-metric")),
    STAFF_METRICS.map((m) => m.name),
  );
  for (const [i, panel] of panels.entries()) {
    ok(texts(panel, 'g[aria-label="y-axis label"] text')[0].includes(STAFF_METRICS[i].unit));
    strictEqual(panel.querySelectorAll('g[aria-label="line"] path').length, 2);
    strictEqual(panel.querySelectorAll('g[aria-label="area"]').length, 4, "50% and 95% bands");
    strictEqual(
      panel.querySelectorAll('g[aria-label="rule"][aria-description="markers"] line').length,
      1,
      "one grant end",
    );
  }
  strictEqual(
    texts(root, 'g[aria-label="text"][aria-description="marker labels"] text').join(),
    "grants end,grants end",
    "labelled in the top row of panels",
  );
});

Deno.test("staffChart() takes grant ends given, and rejects rows without staff metrics", () => {
  const root = parseSvg(
    staffChart(staffRows(), { grantEnds: [{ week: 10, label: "x" }, { week: 90, label: "y" }] }),
  );
  const first = root.querySelector("g.panel");
  ok(first !== null);
  strictEqual(first.querySelectorAll('g[aria-description="markers"] line').length, 2);
  throws(() => staffChart([]), RangeError);
  throws(() => staffChart(fixtureRows({ weeks: 3 }).map(({ posts_filled: _, ...r }) => r)), {
    name: "RangeError",
    message: 'Cannot draw metric "posts_filled": no row has it',
  });
});
