/**
 * A one-node Slurm cluster on this machine, for tests of the shipped array script: munge and
 * Slurm from Debian's packages (installed by `ensure_debian_packages.sh`), daemons started by
 * hand (no systemd), configuration, state and logs under a temporary folder, stopped by the PIDs
 * in their pid files. Needs root.
 *
 * @module
 */
import { join } from "node:path";

/** A running cluster. */
export interface SlurmCluster {
  /** Its configuration file (pass as `SLURM_CONF`). */
  readonly conf: string;
  /** Its folder (logs under `log/`). */
  readonly dir: string;
  /** Environment for Slurm commands. */
  readonly env: Record<string, string>;
  /** Stops the daemons it started and removes its folder. */
  readonly stop: () => Promise<void>;
}

async function run(command: string, args: string[], env: Record<string, string> = {}) {
  const output = await new Deno.Command(command, { args, env, stdout: "piped", stderr: "piped" })
    .output();
  return {
    code: output.code,
    stdout: new TextDecoder().decode(output.stdout),
    stderr: new TextDecoder().decode(output.stderr),
  };
}

async function mungeWorks(): Promise<boolean> {
  const check = await run("sh", ["-c", "munge -n | unmunge"]);
  return check.code === 0;
}

async function killPidFile(path: string): Promise<void> {
  try {
    const pid = Number((await Deno.readTextFile(path)).trim());
    if (pid > 0) Deno.kill(pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/**
 * Starts munge (unless it already runs), slurmctld and slurmd, and waits until the node is idle.
 *
 * @returns The cluster.
 */
export async function startSlurmCluster(): Promise<SlurmCluster> {
  if (Deno.uid() !== 0) throw new Error("the Slurm test starts daemons and needs root");
  let startedMunge = false;
  if (!(await mungeWorks())) {
    await Deno.mkdir("/run/munge", { recursive: true });
    await run("chown", ["munge:munge", "/run/munge"]);
    const munged = await run("runuser", ["-u", "munge", "--", "/usr/sbin/munged"]);
    if (munged.code !== 0) throw new Error(`munged did not start: ${munged.stderr}`);
    startedMunge = true;
  }
  const dir = await Deno.makeTempDir({ prefix: "slurm-" });
  for (const sub of ["state", "spool", "log"]) await Deno.mkdir(join(dir, sub));
  const host = (await run("hostname", [])).stdout.trim();
  const conf = join(dir, "slurm.conf");
  await Deno.writeTextFile(
    conf,
    [
      "ClusterName=test",
      `SlurmctldHost=${host}`,
      "SlurmUser=root",
      "AuthType=auth/munge",
      "ProctrackType=proctrack/linuxproc",
      "TaskPlugin=task/none",
      "SelectType=select/cons_tres",
      "SelectTypeParameters=CR_CPU",
      "AccountingStorageType=accounting_storage/none",
      "JobAcctGatherType=jobacct_gather/none",
      "MpiDefault=none",
      "ReturnToService=2",
      `StateSaveLocation=${dir}/state`,
      `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldPidFile=${dir}/slurmctld.pid`,
      `SlurmdPidFile=${dir}/slurmd.pid`,
      `SlurmctldLogFile=${dir}/log/slurmctld.log`,
      `SlurmdLogFile=${dir}/log/slurmd.log`,
      "SlurmctldPort=16817",
      "SlurmdPort=16818",
      `NodeName=${host} CPUs=2 State=UNKNOWN`,
      `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      "",
    ].join("\n"),
  );
  const env = { SLURM_CONF: conf };
  const stop = async () => {
    await killPidFile(join(dir, "slurmd.pid"));
    await killPidFile(join(dir, "slurmctld.pid"));
    if (startedMunge) await killPidFile("/run/munge/munged.pid");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  try {
    for (const daemon of ["slurmctld", "slurmd"]) {
      const started = await run(daemon, ["-f", conf], env);
      if (started.code !== 0) throw new Error(`${daemon} did not start: ${started.stderr}`);
    }
    for (let i = 0; i < 300; i++) {
      const state = await run("sinfo", ["-h", "-o", "%T"], env);
      if (state.stdout.trim() === "idle") return { conf, dir, env, stop };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const log = await Deno.readTextFile(join(dir, "log", "slurmctld.log")).catch(() => "");
    throw new Error(`the Slurm node never became idle; slurmctld log:\n${log.slice(-2000)}`);
  } catch (error) {
    await stop();
    throw error;
  }
}
