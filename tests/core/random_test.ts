import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  createStream,
  createStreams,
  geometricWeeks,
  hashString,
  poisson,
  replicateSeed,
  weeklyHazard,
} from "../../src/core/mod.ts";

Deno.test("createStream() pins the generator: golden values of seedrandom.alea for (42, 'golden')", () => {
  const s = createStream(42, "golden");
  deepStrictEqual([s(), s(), s()], [0.04134445730596781, 0.3834701275918633, 0.3910955560859293]);
});

Deno.test("createStreams() gives independent streams: draws from one never shift another", () => {
  const a = createStreams(5, ["staff.leave", "families.arrivals"] as const);
  const b = createStreams(5, ["staff.leave", "families.arrivals"] as const);
  for (let i = 0; i < 1000; i++) a["staff.leave"](); // extra draws in one mechanism only
  deepStrictEqual(
    [a["families.arrivals"](), a["families.arrivals"]()],
    [b["families.arrivals"](), b["families.arrivals"]()],
  );
  notDeepStrictEqual(createStream(5, "x")(), createStream(6, "x")());
});

Deno.test("createStream() is uniform on [0, 1): mean 1/2 and variance 1/12", () => {
  const s = createStream(1, "uniform");
  const n = 100_000;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const u = s();
    ok(u >= 0 && u < 1);
    sum += u;
    sq += u * u;
  }
  // standard error of the mean: sqrt(1/12 / n) ≈ 0.00091; allow 4 of them.
  ok(Math.abs(sum / n - 0.5) < 4 * Math.sqrt(1 / 12 / n));
  ok(Math.abs(sq / n - (sum / n) ** 2 - 1 / 12) < 0.002);
});

Deno.test("replicateSeed() pairs scenarios: replicate r of the same seed has the same run seed", () => {
  strictEqual(replicateSeed(2015, 3), replicateSeed(2015, 3));
  const seeds = new Set(Array.from({ length: 1000 }, (_, r) => replicateSeed(2015, r)));
  strictEqual(seeds.size, 1000, "no collisions among 1000 replicates");
  strictEqual(hashString(""), hashString(""));
});

Deno.test("poisson() has mean and variance equal to its mean", () => {
  const s = createStream(9, "poisson");
  const n = 50_000;
  const mean = 1.15;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const k = poisson(s, mean);
    sum += k;
    sq += k * k;
  }
  const m = sum / n;
  // standard error of the mean sqrt(mean/n) ≈ 0.0048; allow 4 of them.
  ok(Math.abs(m - mean) < 4 * Math.sqrt(mean / n), `mean ${m}`);
  ok(Math.abs(sq / n - m * m - mean) < 0.05, "variance");
  strictEqual(poisson(s, 0), 0);
});

Deno.test("geometricWeeks() has the mean asked for", () => {
  const s = createStream(4, "geometric");
  const n = 50_000;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += geometricWeeks(s, 10);
  // sd of a geometric with mean 10 is sqrt(90) ≈ 9.5; standard error ≈ 0.042; allow 4 of them.
  ok(Math.abs(sum / n - 10) < 0.17, `mean ${sum / n}`);
});

Deno.test("weeklyHazard() compounds back to the annual rate", () => {
  for (const r of [0, 0.1, 0.3, 0.65]) {
    ok(Math.abs(1 - (1 - weeklyHazard(r)) ** 52 - r) < 1e-12);
  }
  strictEqual(weeklyHazard(1), 1);
});
