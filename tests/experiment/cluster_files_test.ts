import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";
import { differingTables } from "./_sweep.ts";

type Container = {
  image?: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value: string }[];
  volumeMounts?: { name: string; mountPath: string }[];
};
type Job = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    template: {
      spec: {
        restartPolicy: string;
        containers: Container[];
        volumes?: { name: string }[];
      };
    };
  };
};

async function manifests(path: string): Promise<Job[]> {
  return parseAllDocuments(await Deno.readTextFile(path)).map((d) => d.toJS() as Job);
}

async function indexedJob(): Promise<Job> {
  const jobs = (await manifests("docs/cluster/sweep-indexed-job.yaml"))
    .filter((d) => d.kind === "Job");
  strictEqual(jobs.length, 1);
  return jobs[0];
}

Deno.test("the Kubernetes manifest is an indexed Job whose pods each run one shard of the sweep", async () => {
  const job = await indexedJob();
  strictEqual(job.apiVersion, "batch/v1");
  strictEqual(job.spec.completionMode, "Indexed");
  const completions = job.spec.completions ?? 0;
  ok(Number.isInteger(completions) && completions >= 2, "completions: the number of shards");
  ok((job.spec.parallelism ?? 0) >= 1 && (job.spec.parallelism ?? 0) <= completions);
  ok(["Never", "OnFailure"].includes(job.spec.template.spec.restartPolicy));
  const [container] = job.spec.template.spec.containers;
  ok(container.image, "an image");
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  strictEqual(Number(env.SHARDS), completions, "SHARDS must equal completions");
  const command = [...(container.command ?? []), ...(container.args ?? [])].join(" ");
  match(command, /deno task sim sweep "\$SWEEP"/);
  match(command, /--shard "\$SHARDS"/);
  match(command, /shard-\$JOB_COMPLETION_INDEX-of-\$SHARDS/);
  const volumes = new Set((job.spec.template.spec.volumes ?? []).map((v) => v.name));
  for (const mount of container.volumeMounts ?? []) ok(volumes.has(mount.name), mount.name);
  const merge = (await manifests("docs/cluster/sweep-merge-job.yaml"))[0];
  match(
    (merge.spec.template.spec.containers[0].args ?? []).join(" "),
    new RegExp(`of-${completions}`),
  );
});

Deno.test("the indexed Job's command, run once per completion index as Kubernetes would, merges to the single-process tables", async () => {
  const job = await indexedJob();
  const completions = job.spec.completions ?? 0;
  const [container] = job.spec.template.spec.containers;
  const root = await Deno.makeTempDir();
  try {
    const script = (container.args ?? []).join(" ").replaceAll("/results", root);
    const env = {
      PATH: `${dirname(Deno.execPath())}:${Deno.env.get("PATH")}`,
      SWEEP: "tests/fixtures/sweeps/tiny-grid.yaml",
      SHARDS: String(completions),
      NO_COLOR: "1",
    };
    for (let index = 0; index < completions; index++) {
      const pod = await new Deno.Command("sh", {
        args: ["-c", script],
        env: { ...env, JOB_COMPLETION_INDEX: String(index) },
        stderr: "piped",
        stdout: "piped",
      }).output();
      strictEqual(pod.code, 0, new TextDecoder().decode(pod.stderr));
    }
    const parts = Array.from(
      { length: completions },
      (_, i) => join(root, "tiny-grid", `shard-${i}-of-${completions}`),
    );
    const sim = (args: string[]) =>
      new Deno.Command(Deno.execPath(), {
        args: ["task", "-q", "sim", ...args],
        env: { NO_COLOR: "1" },
        stderr: "piped",
        stdout: "piped",
      }).output();
    strictEqual((await sim(["merge", ...parts, "--out", join(root, "merged")])).code, 0);
    strictEqual(
      (await sim(["sweep", env.SWEEP, "--no-progress", "--out", join(root, "single")])).code,
      0,
    );
    deepStrictEqual(await differingTables(join(root, "single"), join(root, "merged")), []);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the Slurm array script runs shard SLURM_ARRAY_TASK_ID of SLURM_ARRAY_TASK_COUNT", async () => {
  const script = await Deno.readTextFile("docs/cluster/sweep-array.slurm");
  match(script, /^#!\/usr\/bin\/env bash/);
  match(script, /--shard "\$count"/);
  match(script, /count=\$\{SLURM_ARRAY_TASK_COUNT:\?/);
  match(script, /shard-\$\{SLURM_ARRAY_TASK_ID\}-of-\$count/);
});
