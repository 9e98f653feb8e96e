/**
 * The trust-and-outcomes pass's per-family arithmetic, twice: as the engine writes it (V8-optimised
 * JavaScript over one typed array per field) and as hand-written WebAssembly over the same fields
 * in one linear memory. Both read and write the same numbers in the same order, so after any
 * number of weeks their arrays hold identical bytes (`tests/bench/outcomes_kernel_test.ts`).
 *
 * It answers one question for the benchmark: is the weekly loop limited by how V8 compiles
 * JavaScript (typed-array checks, spills), which WebAssembly would avoid, or by the work itself on
 * this machine? `bench/outcomes_kernel_bench.ts` times the two on the 10× baseline's families.
 *
 * The kernel is the common path of `outcomesStep` (`src/model/outcomes.ts`): trust (M3), progress
 * on the three outcomes, severity, achievements and the closure check (M4). It leaves out what a
 * family does rarely (completing, or its case closing, which releases it) and the list the
 * referral step reads; those it counts instead.
 *
 * @module
 */
import wabt from "wabt";
import {
  createModel,
  FAMILY,
  keyWorkerContact,
  type Model,
  type ModelParams,
  type ModelState,
  OUTCOME_DEFAULTS,
  setTrustGains,
  TRUST_DEFAULTS,
} from "../src/model/mod.ts";

/** The fields the kernel reads and writes, one typed array each (the engine's layout). */
export interface KernelFields {
  readonly status: Uint8Array;
  readonly engaged: Uint8Array;
  readonly needs: Uint8Array;
  readonly needsMet: Uint8Array;
  readonly achieved: Uint8Array;
  readonly severity: Float32Array;
  readonly trust: Float32Array;
  /** Three per family. */
  readonly progress: Float32Array;
  readonly keyWorker: Int32Array;
  readonly arrivalWeek: Int32Array;
  /** By post: the week's trust gain. */
  readonly trustGain: Float64Array;
  /** By post: capability × learning × contact. */
  readonly progressEffect: Float64Array;
}

/** The two kernels on one population, each with its own copy of the fields. */
export interface OutcomesKernels {
  /** Family slots. */
  readonly families: number;
  /** The JavaScript kernel's fields. */
  readonly js: KernelFields;
  /** The WebAssembly kernel's fields: views of its linear memory. */
  readonly wasm: KernelFields;
  /** One week of the JavaScript kernel; returns the families completing or closing. */
  runJs(week: number): number;
  /** One week of the WebAssembly kernel; returns the families completing or closing. */
  runWasm(week: number): number;
  /** Copies `from`'s fields into both kernels (to restart them from the same state). */
  load(from: KernelFields): void;
  /** Whether the two kernels' fields hold identical bytes. */
  identical(): boolean;
}

const P = OUTCOME_DEFAULTS;
const KEEP_TRUST = 1 - TRUST_DEFAULTS.lossPerMissedWeek;
const KEEP = 1 - P.decayPerWeek;
const RECOVERY_KEEP = 1 - P.recoveryPerWeek;
const ESCALATION = P.escalationPerWeek;

/** A WAT float constant, written so that it parses back to the same double. */
const f64 = (x: number) => `(f64.const ${x.toPrecision(17)})`;

/** Byte offsets of the fields, passed to the WebAssembly kernel in this order. */
const FIELD_ORDER = [
  "status",
  "engaged",
  "needs",
  "needsMet",
  "achieved",
  "severity",
  "trust",
  "progress",
  "keyWorker",
  "arrivalWeek",
  "trustGain",
  "progressEffect",
] as const satisfies readonly (keyof KernelFields)[];

/**
 * The WebAssembly text of the kernel: a function `week(n, week, ...offsets)` returning the count
 * of families completing or closing, with the outcome parameters as constants.
 */
export const OUTCOMES_KERNEL_WAT = (() => {
  const at = (field: string, index: string) => `(i32.add (local.get $${field}) ${index})`;
  const f = "(local.get $f)";
  const f4 = "(local.get $f4)";
  const w8 = "(i32.shl (local.get $w) (i32.const 3))";
  const escalate = `(f32.demote_f64 (f64.add (local.get $s) (f64.mul ${
    f64(ESCALATION)
  } (f64.sub (f64.const 1) (local.get $s)))))`;
  const clamp = (p: string) =>
    `(f32.demote_f64 (select (f64.const 1) (local.get ${p}) (f64.gt (local.get ${p}) (f64.const 1))))`;
  const reach = (p: string, bit: number) =>
    `(if (f64.ge (local.get ${p}) ${
      f64(P.threshold)
    }) (then (local.set $a (i32.or (local.get $a) (i32.const ${bit})))))`;
  const decay = (offset: number) =>
    `(f32.store offset=${offset} (local.get $pi) (f32.demote_f64 (f64.mul (f64.promote_f32 (f32.load offset=${offset} (local.get $pi))) ${
      f64(KEEP)
    })))`;
  const gain = (offset: number, g: number) =>
    `(f64.add (f64.promote_f32 (f32.load offset=${offset} (local.get $pi))) (f64.mul ${
      f64(g)
    } (local.get $eff)))`;
  return `(module
 (memory (export "memory") 1)
 (func (export "week") (param $n i32) (param $week i32)
  ${FIELD_ORDER.map((name) => `(param $${name} i32)`).join(" ")} (result i32)
  (local $f i32) (local $f4 i32) (local $st i32) (local $s f64) (local $w i32) (local $t f64)
  (local $nf f64) (local $eff f64) (local $pi i32) (local $p0 f64) (local $p1 f64) (local $p2 f64)
  (local $a i32) (local $leaving i32)
  (block $done
   (loop $next
    (br_if $done (i32.ge_u ${f} (local.get $n)))
    (local.set $st (i32.load8_u ${at("status", f)}))
    (if (i32.ne (local.get $st) (i32.const ${FAMILY.empty}))
     (then
      (local.set $f4 (i32.shl ${f} (i32.const 2)))
      (local.set $s (f64.promote_f32 (f32.load ${at("severity", f4)})))
      (if (i32.eq (local.get $st) (i32.const ${FAMILY.supported}))
       (then
        (local.set $w (i32.load ${at("keyWorker", f4)}))
        (local.set $t (f64.promote_f32 (f32.load ${at("trust", f4)})))
        (local.set $pi (i32.add (local.get $progress) (i32.mul ${f} (i32.const 12))))
        (if (i32.eq (i32.load8_u ${at("engaged", f)}) (i32.const 1))
         (then
          (local.set $t (f64.promote_f32 (f32.demote_f64 (f64.add (local.get $t)
            (f64.mul (f64.load ${at("trustGain", w8)}) (f64.sub (f64.const 1) (local.get $t)))))))
          (f32.store ${at("trust", f4)} (f32.demote_f64 (local.get $t)))
          (local.set $nf (f64.sub (f64.const 1) (f64.mul ${f64(P.unmetNeedDrag)}
            (f64.convert_i32_s (i32.popcnt (i32.and (i32.const 30) (i32.and
              (i32.load8_u ${at("needs", f)})
              (i32.xor (i32.load8_u ${at("needsMet", f)}) (i32.const -1)))))))))
          (local.set $eff (f64.mul (f64.mul (f64.mul (f64.load ${at("progressEffect", w8)})
            (f64.add (f64.const 0.5) (f64.mul (f64.const 0.5) (local.get $t))))
            (f64.sub (f64.const 1) (f64.mul ${f64(P.severityDrag)} (local.get $s))))
            (select (local.get $nf) (f64.const 0) (f64.gt (local.get $nf) (f64.const 0)))))
          (local.set $p0 ${gain(0, P.skillsPerWeek)})
          (local.set $p1 ${gain(4, P.togetherPerWeek)})
          (local.set $p2 ${gain(8, P.communityPerWeek)})
          (f32.store offset=0 (local.get $pi) ${clamp("$p0")})
          (f32.store offset=4 (local.get $pi) ${clamp("$p1")})
          (f32.store offset=8 (local.get $pi) ${clamp("$p2")})
          (local.set $a (i32.load8_u ${at("achieved", f)}))
          ${reach("$p0", 1)} ${reach("$p1", 2)} ${reach("$p2", 4)}
          (i32.store8 ${at("achieved", f)} (local.get $a))
          (f32.store ${at("severity", f4)} (f32.demote_f64 (f64.mul (local.get $s) ${
    f64(RECOVERY_KEEP)
  })))
          (if (i32.eq (local.get $a) (i32.const 7))
           (then (local.set $leaving (i32.add (local.get $leaving) (i32.const 1))))))
         (else
          (f32.store ${at("trust", f4)} (f32.demote_f64 (f64.mul (local.get $t) ${
    f64(KEEP_TRUST)
  })))
          ${decay(0)} ${decay(4)} ${decay(8)}
          (f32.store ${at("severity", f4)} ${escalate}))))
       (else (f32.store ${at("severity", f4)} ${escalate})))
      (if (i32.ge_s (i32.sub (local.get $week) (i32.load ${at("arrivalWeek", f4)}))
        (i32.const ${P.maxWeeksInProgramme}))
       (then (local.set $leaving (i32.add (local.get $leaving) (i32.const 1)))))))
    (local.set $f (i32.add ${f} (i32.const 1)))
    (br $next)))
  (local.get $leaving)))`;
})();

/**
 * The JavaScript kernel: `outcomesStep`'s common path, written as the engine writes it.
 *
 * @param k The fields.
 * @param n Family slots.
 * @param week The week.
 * @returns Families completing or closing (counted, not released).
 */
export function outcomesKernelJs(k: KernelFields, n: number, week: number): number {
  const { status, engaged, needs, needsMet, achieved, severity, progress, keyWorker } = k;
  const trustOf = k.trust;
  const arrivalWeek = k.arrivalWeek;
  const trustGain = k.trustGain;
  const effectOf = k.progressEffect;
  const g0 = P.skillsPerWeek;
  const g1 = P.togetherPerWeek;
  const g2 = P.communityPerWeek;
  const threshold = P.threshold;
  const drag = P.severityDrag;
  const needDrag = P.unmetNeedDrag;
  const maxWeeks = P.maxWeeksInProgramme;
  // Constants in locals, as the engine keeps them: module bindings are looked up on each use.
  const keepTrust = KEEP_TRUST;
  const keep = KEEP;
  const recoveryKeep = RECOVERY_KEEP;
  const escalation = ESCALATION;
  const empty = FAMILY.empty;
  const supported = FAMILY.supported;
  let leaving = 0;
  for (let f = 0; f < n; f++) {
    const st = status[f];
    if (st === empty) continue;
    const s = severity[f];
    if (st === supported) {
      const w = keyWorker[f];
      const isEngaged = engaged[f] === 1;
      const t0 = trustOf[f];
      const t = Math.fround(isEngaged ? t0 + trustGain[w] * (1 - t0) : t0 * keepTrust);
      trustOf[f] = t;
      const i = 3 * f;
      if (isEngaged) {
        const unmet = needs[f] & ~needsMet[f];
        const unmetCount = ((unmet >> 1) & 1) + ((unmet >> 2) & 1) + ((unmet >> 3) & 1) +
          ((unmet >> 4) & 1);
        const needFactor = 1 - needDrag * unmetCount;
        const effect = effectOf[w] * (0.5 + 0.5 * t) * (1 - drag * s) *
          (needFactor > 0 ? needFactor : 0);
        const p0 = progress[i] + g0 * effect;
        const p1 = progress[i + 1] + g1 * effect;
        const p2 = progress[i + 2] + g2 * effect;
        progress[i] = p0 > 1 ? 1 : p0;
        progress[i + 1] = p1 > 1 ? 1 : p1;
        progress[i + 2] = p2 > 1 ? 1 : p2;
        let a = achieved[f];
        if (p0 >= threshold) a |= 1;
        if (p1 >= threshold) a |= 2;
        if (p2 >= threshold) a |= 4;
        achieved[f] = a;
        severity[f] = s * recoveryKeep;
        if (a === 7) leaving++;
      } else {
        progress[i] *= keep;
        progress[i + 1] *= keep;
        progress[i + 2] *= keep;
        severity[f] = s + escalation * (1 - s);
      }
    } else {
      severity[f] = s + escalation * (1 - s);
    }
    if (week - arrivalWeek[f] >= maxWeeks) leaving++;
  }
  return leaving;
}

/**
 * A model run up to week `week`'s trust-and-outcomes step: every step of the weeks before, then
 * this week's steps before it (so engagement has been drawn). The state the kernels start from.
 *
 * @param params The model's parameters.
 * @param seed The run seed.
 * @param week The week to stop in.
 * @returns The model, stopped there.
 *
 * @example
 * ```ts
 * import { modelBeforeOutcomes } from "./outcomes_kernel.ts";
 * import { loadScenarioFile } from "../src/scenario/mod.ts";
 * import { ok } from "node:assert/strict";
 * const scenario = await loadScenarioFile("scenarios/baseline.yaml");
 * const model = modelBeforeOutcomes(scenario.params, scenario.seed, 10);
 * ok(model.state.families.free.end > 0);
 * ```
 */
export function modelBeforeOutcomes(params: ModelParams, seed: number, week: number): Model {
  const model = createModel(params, seed);
  for (let w = 0; w < week; w++) {
    for (const step of model.schedule) step.run(w);
  }
  for (const step of model.schedule) {
    if (step.name === "trust and outcomes") break;
    step.run(week);
  }
  return model;
}

/**
 * The kernel's fields taken from a model's state: its families, and each post's trust gain and
 * progress effect for the week as `outcomesStep` works them out.
 *
 * @param state A model state, after the week's engagement step.
 * @param caseloadTarget Families per key worker at full contact.
 * @returns Copies of the fields (the state is not changed, apart from its posts' scratch).
 */
export function kernelFieldsOf(state: ModelState, caseloadTarget: number): KernelFields {
  const fam = state.families;
  const posts = state.posts;
  setTrustGains(state, TRUST_DEFAULTS, caseloadTarget);
  const effect = new Float64Array(posts.count);
  for (let w = 0; w < posts.count; w++) {
    effect[w] = posts.capability[w] * posts.learning[w] *
      keyWorkerContact(posts, w, caseloadTarget);
  }
  const n = fam.free.end;
  return {
    status: fam.status.slice(0, n),
    engaged: fam.engaged.slice(0, n),
    needs: fam.needs.slice(0, n),
    needsMet: fam.needsMet.slice(0, n),
    achieved: fam.achieved.slice(0, n),
    severity: fam.severity.slice(0, n),
    trust: fam.trust.slice(0, n),
    progress: fam.progress.slice(0, 3 * n),
    keyWorker: fam.keyWorker.slice(0, n),
    arrivalWeek: fam.arrivalWeek.slice(0, n),
    trustGain: posts.trustGain.slice(),
    progressEffect: effect,
  };
}

/**
 * Compiles the WebAssembly kernel and lays out both kernels' fields for `from`'s population.
 *
 * @param from The fields to start from (see {@linkcode kernelFieldsOf}).
 * @returns The two kernels, loaded with copies of `from`.
 *
 * @example Both kernels agree after a week
 * ```ts
 * import { createOutcomesKernels } from "./outcomes_kernel.ts";
 * import { ok } from "node:assert/strict";
 * const n = 4;
 * const kernels = await createOutcomesKernels({
 *   status: new Uint8Array([2, 2, 1, 0]), engaged: new Uint8Array([1, 0, 0, 0]),
 *   needs: new Uint8Array([3, 1, 1, 0]), needsMet: new Uint8Array([1, 1, 0, 0]),
 *   achieved: new Uint8Array(n), severity: new Float32Array(n).fill(0.5),
 *   trust: new Float32Array(n).fill(0.4), progress: new Float32Array(3 * n).fill(0.3),
 *   keyWorker: new Int32Array([0, 0, -1, -1]), arrivalWeek: new Int32Array(n),
 *   trustGain: new Float64Array([0.05]), progressEffect: new Float64Array([0.8]),
 * });
 * kernels.runJs(1);
 * kernels.runWasm(1);
 * ok(kernels.identical());
 * ```
 */
export async function createOutcomesKernels(from: KernelFields): Promise<OutcomesKernels> {
  const tools = await wabt();
  const { buffer } = tools.parseWat("outcomes_kernel.wat", OUTCOMES_KERNEL_WAT).toBinary({});
  const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(buffer)));
  const exports = instance.exports as unknown as {
    memory: WebAssembly.Memory;
    week: (...args: number[]) => number;
  };
  const families = from.status.length;
  let bytes = 0;
  const offsets = FIELD_ORDER.map((name) => {
    const at = Math.ceil(bytes / 8) * 8;
    bytes = at + from[name].byteLength;
    return at;
  });
  const memory = exports.memory;
  memory.grow(Math.ceil(bytes / 65536));
  const views = Object.fromEntries(FIELD_ORDER.map((name, i) => {
    const source = from[name];
    const View = source.constructor as new (b: ArrayBuffer, at: number, n: number) => typeof source;
    return [name, new View(memory.buffer, offsets[i], source.length)];
  })) as unknown as KernelFields;
  const js = Object.fromEntries(FIELD_ORDER.map((name) => {
    const source = from[name];
    const Typed = source.constructor as new (n: number) => typeof source;
    return [name, new Typed(source.length)];
  })) as unknown as KernelFields;
  const o = offsets;
  const kernels: OutcomesKernels = {
    families,
    js,
    wasm: views,
    runJs: (week) => outcomesKernelJs(js, families, week),
    runWasm: (week) =>
      exports.week(
        families,
        week,
        o[0],
        o[1],
        o[2],
        o[3],
        o[4],
        o[5],
        o[6],
        o[7],
        o[8],
        o[9],
        o[10],
        o[11],
      ),
    load(source) {
      for (const name of FIELD_ORDER) {
        (js[name] as Float64Array).set(source[name] as Float64Array);
        (views[name] as Float64Array).set(source[name] as Float64Array);
      }
    },
    identical: () =>
      FIELD_ORDER.every((name) => {
        const a = js[name];
        const b = views[name];
        const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        return x.length === y.length && x.every((byte, i) => byte === y[i]);
      }),
  };
  kernels.load(from);
  return kernels;
}
