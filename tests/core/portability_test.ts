/** `src/core` and `src/model` must run in a browser and a Worker: no Deno, DOM or console. */
import { deepStrictEqual } from "node:assert/strict";

const FORBIDDEN = [
  /\bDeno\./,
  /\bdocument\b/,
  /\bwindow\./,
  /\bconsole\./,
  /Math\.random\(/,
  /from "node:/,
];

Deno.test("src/core and src/model use no Deno, DOM, console, node: or Math.random", async () => {
  const offences: string[] = [];
  for (const folder of ["src/core", "src/model"]) {
    for await (const entry of Deno.readDir(folder)) {
      if (!entry.name.endsWith(".ts")) continue;
      const text = await Deno.readTextFile(`${folder}/${entry.name}`);
      // Doc comments and examples (`* ` lines) and line comments may say anything.
      const code = text.split("\n")
        .filter((line) => !/^\s*(\*|\/\*\*)/.test(line))
        .map((line) => line.replace(/\/\/.*$/, ""))
        .join("\n");
      for (const pattern of FORBIDDEN) {
        if (pattern.test(code)) offences.push(`${folder}/${entry.name}: ${pattern}`);
      }
    }
  }
  deepStrictEqual(offences, []);
});

Deno.test("nothing in src/ draws from Math.random: every draw comes from a named stream", async () => {
  const offences: string[] = [];
  const walk = async (folder: string) => {
    for await (const entry of Deno.readDir(folder)) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory) await walk(path);
      else if (entry.name.endsWith(".ts") && /Math\.random\(/.test(await Deno.readTextFile(path))) {
        offences.push(path);
      }
    }
  };
  await walk("src");
  deepStrictEqual(offences, []);
});
