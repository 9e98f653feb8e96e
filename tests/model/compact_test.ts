/**
 * Packing the families into the lowest slots (`compactFamilies`): every attribute moves with its
 * family, the free stack stays consistent, and a whole run keeps its invariants.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  allocateState,
  compactFamilies,
  FAMILY,
  releaseFamily,
  takeFamilySlot,
} from "../../src/model/state.ts";
import { createModel, runModel } from "../../src/model/model.ts";
import { resolveParams } from "../../src/model/params.ts";

Deno.test("compactFamilies moves every family attribute (a new attribute cannot be forgotten)", () => {
  const s = allocateState({
    postsPerOrganisation: [2],
    fundedCount: 1,
    familyCapacity: 4,
    slotsOnDemand: true,
  });
  const fam = s.families;
  for (let i = 0; i < 3; i++) takeFamilySlot(fam);
  // Every per-family typed array, found by looking, not from a list kept by hand.
  const columns = Object.entries(fam).filter(([, v]) => ArrayBuffer.isView(v)) as [
    string,
    Float32Array | Int32Array | Uint8Array | Uint16Array,
  ][];
  ok(columns.length >= 14, `found ${columns.length} family attributes`);
  for (const [name, column] of columns) {
    const stride = column.length / fam.capacity;
    strictEqual(Number.isInteger(stride), true, name);
    for (let k = 0; k < stride; k++) column[2 * stride + k] = 1 + k; // family in slot 2
  }
  fam.status[0] = FAMILY.supported;
  fam.status[2] = FAMILY.supported;
  fam.org[0] = 0;
  fam.org[2] = 0;
  fam.keyWorker[0] = 0;
  fam.keyWorker[2] = 1;
  s.posts.caseload[0] = 1;
  s.posts.caseload[1] = 1;
  releaseFamily(s, 0); // slot 0 empty; slot 1 never used: the family in slot 2 moves to 0
  fam.status[1] = FAMILY.empty;
  const before = columns.map(([, column]) => {
    const stride = column.length / fam.capacity;
    return Array.from(column.subarray(2 * stride, 3 * stride));
  });
  compactFamilies(s);
  columns.forEach(([name, column], c) => {
    const stride = column.length / fam.capacity;
    deepStrictEqual(Array.from(column.subarray(0, stride)), before[c], name);
  });
  strictEqual(fam.status[2], FAMILY.empty);
  strictEqual(fam.free.end, 1);
});

Deno.test("after compactFamilies the free stack hands out the slots above the families, in order", () => {
  const s = allocateState({
    postsPerOrganisation: [1],
    fundedCount: 1,
    familyCapacity: 6,
    slotsOnDemand: true,
  });
  const fam = s.families;
  for (let i = 0; i < 5; i++) {
    const f = takeFamilySlot(fam);
    fam.status[f] = FAMILY.waiting;
    fam.org[f] = 0;
    s.orgs.waiting[0]++;
  }
  releaseFamily(s, 1);
  releaseFamily(s, 3);
  compactFamilies(s);
  strictEqual(fam.free.end, 3);
  strictEqual(fam.free.count, 3);
  deepStrictEqual([takeFamilySlot(fam), takeFamilySlot(fam), takeFamilySlot(fam)], [3, 4, 5]);
  strictEqual(takeFamilySlot(fam), -1);
});

Deno.test("in a whole run, the families fill slots 0 … n − 1 at the end of every week", () => {
  const model = createModel(resolveParams({ horizonYears: 3 }), 11);
  const fam = model.state.families;
  let weeks = 0;
  runModel(model, () => {
    const end = fam.free.end;
    for (let f = 0; f < end; f++) {
      ok(fam.status[f] !== FAMILY.empty, `slot ${f} empty below ${end}`);
    }
    for (let f = end; f < fam.capacity; f++) strictEqual(fam.status[f], FAMILY.empty);
    strictEqual(fam.free.count, fam.capacity - end);
    weeks++;
  });
  strictEqual(weeks, 156);
});
