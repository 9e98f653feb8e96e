import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { column } from "../../src/core/mod.ts";
import {
  createModel,
  FAMILY,
  M,
  METRIC_NAMES,
  METRICS,
  POST,
  resolveParams,
  runModel,
  simulate,
} from "../../src/model/mod.ts";

Deno.test("M lists the metrics in METRICS order", () => {
  deepStrictEqual(Object.keys(M), METRIC_NAMES);
  deepStrictEqual(Object.values(M), METRICS.map((_, i) => i));
});

Deno.test("simulate() is deterministic: same parameters and seed, identical recordings", () => {
  const params = resolveParams({ horizonYears: 4 });
  deepStrictEqual(simulate(params, 9).columns, simulate(params, 9).columns);
  notDeepStrictEqual(simulate(params, 9).columns, simulate(params, 10).columns);
});

Deno.test("simulate() keeps mechanisms on separate streams: switching staff turnover off leaves arrivals as they were", () => {
  const on = simulate(resolveParams({ horizonYears: 4 }), 3);
  const off = simulate(resolveParams({ horizonYears: 4, mechanisms: { staffTurnover: false } }), 3);
  deepStrictEqual(column(on, "families_arrived"), column(off, "families_arrived"));
  notDeepStrictEqual(column(on, "staff_leavers"), column(off, "staff_leavers"));
});

Deno.test("runModel() conserves families: arrivals = exits + declined + turned away + still active", () => {
  const rec = simulate(resolveParams({}), 5);
  const total = (name: string) => column(rec, name).reduce((a, b) => a + b, 0);
  const exits = total("dropouts") + total("families_completed") + total("cases_closed");
  const active = column(rec, "families_active")[rec.weeks - 1];
  deepStrictEqual(
    total("families_arrived"),
    exits + total("families_declined") + total("families_turned_away") + active,
  );
});

Deno.test("runModel() keeps trust in [0, 1], caseloads consistent and within limits, money non-negative", () => {
  const model = createModel(resolveParams({ horizonYears: 8 }), 8);
  const counted = new Int32Array(model.state.posts.count);
  const checks = {
    name: "invariants",
    run: () => {
      const { families, posts } = model.state;
      counted.fill(0);
      for (let f = 0; f < families.capacity; f++) {
        if (families.status[f] === FAMILY.empty) continue;
        const t = families.trust[f];
        ok(t >= 0 && t <= 1, `trust ${t}`);
        if (families.status[f] === FAMILY.supported) {
          const w = families.keyWorker[f];
          strictEqual(posts.status[w], POST.filled, "a supported family's key worker is in post");
          strictEqual(posts.holder[w], families.keyWorkerHolder[f], "and is the same person");
          counted[w]++;
        }
      }
      for (let p = 0; p < posts.count; p++) {
        strictEqual(posts.caseload[p], counted[p], "caseload counts the families assigned");
        ok(posts.caseload[p] <= 16, `caseload ${posts.caseload[p]}`);
      }
      ok(model.state.flows[M.spend_gbp] >= 0);
    },
  };
  const rec = runModel({ ...model, schedule: [...model.schedule, checks] });
  ok(column(rec, "families_supported")[rec.weeks - 1] > 0);
});

Deno.test("runModel() shows the funding cliff: grants end, posts empty, spend falls", () => {
  const rec = simulate(resolveParams({}), 2);
  const grants = column(rec, "grants_active");
  deepStrictEqual([grants[100], grants[400]], [36, 0]);
  const spend = column(rec, "grant_spend_gbp");
  ok(spend[100] > 0 && spend[400] === 0);
  ok(column(rec, "families_supported")[400] < column(rec, "families_supported")[100] / 3);
});
