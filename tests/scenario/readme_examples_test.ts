/**
 * The examples in `scenarios/README.md` work as shown. Each ```yaml block is saved next to copies
 * of the bundled scenarios (so `extends: ./baseline.yaml` resolves) and loaded like a user's
 * file. A block marked ```yaml bad must be refused, with exactly the problems printed in the
 * ```text block that follows it. Every `--set` in a ```sh block must apply to the baseline, and
 * every relative link must point at a file that exists.
 */
import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { dirname, join } from "node:path";
import {
  formatIssue,
  loadScenarioFile,
  parseOverrides,
  ScenarioError,
} from "../../src/scenario/mod.ts";

const README = "scenarios/README.md";

interface Block {
  /** The info string after the fence, e.g. "yaml" or "yaml bad". */
  readonly info: string;
  readonly text: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ info: open[1].trim(), text: body.join("\n") + "\n", line: start + 1 });
  }
  return blocks;
}

/** A temporary folder holding copies of the bundled scenarios. */
async function scenarioFolder(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "readme_examples_" });
  for await (const entry of Deno.readDir("scenarios")) {
    if (entry.isFile && /\.(ya?ml|json)$/.test(entry.name)) {
      await Deno.copyFile(join("scenarios", entry.name), join(dir, entry.name));
    }
  }
  return dir;
}

const blocks = codeBlocks(await Deno.readTextFile(README));

Deno.test("scenarios/README.md has YAML examples, good and bad", () => {
  ok(blocks.filter((b) => b.info === "yaml").length >= 4);
  ok(blocks.some((b) => b.info === "yaml bad"));
  for (const b of blocks) {
    ok(["yaml", "yaml bad", "sh", "text"].includes(b.info), `line ${b.line}: ${b.info}`);
  }
});

Deno.test("every ```yaml example in scenarios/README.md loads", async () => {
  const dir = await scenarioFolder();
  try {
    for (const [i, b] of blocks.entries()) {
      if (b.info !== "yaml") continue;
      const file = join(dir, `example-${i}.yaml`);
      await Deno.writeTextFile(file, b.text);
      try {
        const s = await loadScenarioFile(file);
        ok(s.name.length > 0);
      } catch (error) {
        throw new Error(`${README}:${b.line}: ${(error as Error).message}`);
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every ```yaml bad example is refused with the problems printed after it", async () => {
  const dir = await scenarioFolder();
  try {
    for (const [i, b] of blocks.entries()) {
      if (b.info !== "yaml bad") continue;
      const shown = blocks[i + 1];
      strictEqual(
        shown?.info,
        "text",
        `${README}:${b.line}: a bad example is followed by its output`,
      );
      const file = join(dir, "my-area.yaml");
      await Deno.writeTextFile(file, b.text);
      await rejects(loadScenarioFile(file), (error: unknown) => {
        ok(error instanceof ScenarioError, String(error));
        // The lines shown, without the file name (the README's is scenarios/my-area.yaml).
        const shownProblems = shown.text.split("\n").filter((l) => /^\S+\.(ya?ml|json): /.test(l))
          .map((l) => l.slice(l.indexOf(": ") + 2));
        const actual = error.issues.map((issue) => {
          const line = formatIssue({ ...issue, file: "F" });
          return line.slice("F: ".length);
        });
        deepStrictEqual(actual.sort(), shownProblems.sort(), `${README}:${b.line}`);
        const count = `${actual.length} problem${
          actual.length === 1 ? "" : "s"
        }; nothing was written.`;
        ok(shown.text.includes(count), `${README}:${shown.line}: "${count}"`);
        return true;
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every --set in scenarios/README.md applies to the baseline", async () => {
  const sets = blocks.filter((b) => b.info === "sh")
    .flatMap((b) => [...b.text.matchAll(/--set\s+(\S+)/g)].map((m) => m[1]));
  ok(sets.length > 0);
  for (const set of sets) {
    await loadScenarioFile("scenarios/baseline.yaml", { overrides: parseOverrides([set]) });
  }
});

Deno.test("every relative link in scenarios/README.md points at a file", async () => {
  const markdown = await Deno.readTextFile(README);
  const links = [...markdown.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1])
    .filter((href) => !/^[a-z]+:/.test(href));
  ok(links.includes("../docs/scenarios.md"), "links to the field reference");
  for (const href of links) {
    const path = join(dirname(README), href);
    ok(await Deno.stat(path).then((s) => s.isFile, () => false), `${README}: ${href}`);
  }
});
