/**
 * The Beta sampler behind key workers' capability (M2): mean and variance against the analytic
 * values for shapes above and below 1, and the same draws for the same stream.
 */
import { deepStrictEqual, ok, throws } from "node:assert/strict";
import { betaSampler, createStream } from "../../src/core/mod.ts";

for (const [alpha, beta] of [[6, 4], [0.5, 0.5], [0.3, 2], [30, 70]]) {
  Deno.test(`betaSampler(${alpha}, ${beta}) has the mean and variance of Beta(${alpha}, ${beta})`, () => {
    const draw = betaSampler(createStream(7, `beta ${alpha} ${beta}`), alpha, beta);
    const n = 40_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      ok(x >= 0 && x <= 1, `draw ${x} outside [0, 1]`);
      sum += x;
      sumSq += x * x;
    }
    const mean = alpha / (alpha + beta);
    const variance = alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1));
    const sampleMean = sum / n;
    const sampleVariance = sumSq / n - sampleMean ** 2;
    // Standard error of the mean: sqrt(variance / n); allow 5 of them. The sample variance's is
    // sqrt((μ₄ / σ⁴ − 1) / n) · σ², with a kurtosis μ₄ / σ⁴ below 7 for these shapes: the
    // allowance 5 · sqrt(2 / n) · σ² is at least 2.8 of them.
    ok(Math.abs(sampleMean - mean) < 5 * Math.sqrt(variance / n), `mean ${sampleMean} vs ${mean}`);
    ok(
      Math.abs(sampleVariance - variance) < 5 * Math.sqrt(2 / n) * variance,
      `variance ${sampleVariance} vs ${variance}`,
    );
  });
}

Deno.test("betaSampler gives the same draws from the same stream, and refuses shapes ≤ 0", () => {
  const a = betaSampler(createStream(3, "b"), 2, 3);
  const b = betaSampler(createStream(3, "b"), 2, 3);
  deepStrictEqual([a(), a(), a()], [b(), b(), b()]);
  throws(() => betaSampler(createStream(3, "b"), 0, 1), /Beta shapes must be > 0/);
});
