import { deepStrictEqual, ok } from "node:assert/strict";
import {
  allocateState,
  M,
  MONEY_DEFAULTS,
  moneyStep,
  PHASE,
  POST,
  postsFundedBy,
} from "../../src/model/mod.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

Deno.test("postsFundedBy() pays whole posts from the grant after overheads", () => {
  deepStrictEqual(postsFundedBy(MONEY_DEFAULTS, 5_000_000 / 36), 3);
  deepStrictEqual(postsFundedBy(MONEY_DEFAULTS, 45_714), 0);
  deepStrictEqual(postsFundedBy(MONEY_DEFAULTS, 45_715), 1);
});

Deno.test("moneyStep() pays filled posts and overheads of running grants, recruitment on the hiring week", () => {
  const s = allocateState({ postsPerOrganisation: [3, 2], fundedCount: 1, familyCapacity: 1 });
  s.orgs.phase.fill(PHASE.active);
  s.orgs.grantGbpPerYear[0] = 150_000;
  s.posts.status.set([POST.filled, POST.filled, POST.vacant, POST.filled, POST.filled]);
  s.posts.tenureWeeks.set([0, 10, 0, 10, 10]);
  moneyStep(s, MONEY_DEFAULTS, 0);
  const grant = 0.3 * 150_000 / 52 + 2 * 32_000 / 52 + 4_000;
  const core = 2 * 42_000 / 52;
  ok(close(s.flows[M.grant_spend_gbp], grant));
  ok(close(s.flows[M.spend_gbp], grant + core));
});

Deno.test("moneyStep() spends nothing for an organisation in a gap or closed", () => {
  const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 1 });
  s.orgs.phase[0] = PHASE.gap;
  s.orgs.grantGbpPerYear[0] = 150_000;
  moneyStep(s, MONEY_DEFAULTS, 0);
  deepStrictEqual(s.flows[M.spend_gbp], 0);
});

Deno.test("moneyStep() keeps each organisation's budget and spend by year", () => {
  const s = allocateState({
    postsPerOrganisation: [1, 1],
    fundedCount: 1,
    familyCapacity: 1,
    years: 2,
  });
  s.orgs.phase.fill(PHASE.active);
  s.orgs.grantGbpPerYear[0] = 52_000;
  s.posts.status.fill(POST.filled);
  s.posts.tenureWeeks.fill(10);
  for (let week = 0; week < 104; week++) moneyStep(s, MONEY_DEFAULTS, week);
  ok(
    close(s.orgs.budgetByYear[0], 52_000) && close(s.orgs.budgetByYear[1], 52_000),
    "grant awarded",
  );
  ok(close(s.orgs.spendByYear[1], 32_000 + 0.3 * 52_000), "salary and overheads");
  ok(
    close(s.orgs.budgetByYear[2], 42_000) && close(s.orgs.spendByYear[3], 42_000),
    "statutory core cost",
  );
});

Deno.test("moneyStep() reports the part of salaries that paid for partnership time", () => {
  const s = allocateState({ postsPerOrganisation: [2], fundedCount: 1, familyCapacity: 1 });
  s.orgs.phase[0] = PHASE.active;
  s.orgs.grantGbpPerYear[0] = 100_000;
  s.posts.status.fill(POST.filled);
  s.posts.tenureWeeks.fill(10);
  s.orgs.partnershipHours[0] = 7.5; // a tenth of two 37.5-hour weeks
  moneyStep(s, MONEY_DEFAULTS, 0);
  ok(close(s.flows[M.partnership_cost_gbp], 0.1 * 2 * 32_000 / 52));
  ok(s.flows[M.partnership_cost_gbp] < s.flows[M.spend_gbp], "a part of spend, not extra");
});
