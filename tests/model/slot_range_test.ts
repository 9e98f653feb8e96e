/**
 * The range of family slots the weekly loops visit (`families.free.end`): it grows as slots are
 * handed out, and no family ever sits at or beyond it.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  allocateState,
  createModel,
  FAMILY,
  resolveParams,
  takeFamilySlot,
} from "../../src/model/mod.ts";

Deno.test("a hand-built state lets loops visit every slot", () => {
  const s = allocateState({ postsPerOrganisation: [1], fundedCount: 1, familyCapacity: 5 });
  strictEqual(s.families.free.end, 5);
});

Deno.test("with slotsOnDemand the visited range grows as slots are handed out", () => {
  const s = allocateState({
    postsPerOrganisation: [1],
    fundedCount: 1,
    familyCapacity: 5,
    slotsOnDemand: true,
  });
  strictEqual(s.families.free.end, 0);
  deepStrictEqual([takeFamilySlot(s.families), takeFamilySlot(s.families)], [0, 1]);
  strictEqual(s.families.free.end, 2);
});

Deno.test("in a whole run no family ever sits at or beyond the visited range", () => {
  const model = createModel(resolveParams({ horizonYears: 3 }), 11);
  const fam = model.state.families;
  for (let week = 0; week < model.weeks; week++) {
    for (const step of model.schedule) step.run(week);
    for (let f = fam.free.end; f < fam.capacity; f++) strictEqual(fam.status[f], FAMILY.empty);
  }
  // The range covers every slot used, and (at the defaults) stays well inside the capacity.
  strictEqual(fam.free.end > 0 && fam.free.end < fam.capacity, true);
});
