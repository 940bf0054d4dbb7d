// The production server under test, as `npm start` runs it, in a process group of its own: scripts/start.ts
// spawns scripts/serve.ts (Next.js), and a crash has to take both down at once, as a power cut or an OOM kill would.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, type WriteStream } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { groupCpuSeconds, processStats } from "./process-stats";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

export type AppServer = {
  base: string;
  /** Starts the server and resolves once it answers /api/health. */
  start(): Promise<void>;
  /** SIGKILL to the whole group, without warning; resolves once no process of it is left. */
  kill(): Promise<void>;
  /** A graceful stop (SIGTERM), for the end of the run. */
  stop(): Promise<void>;
  /** CPU seconds its processes have used since it last started. */
  cpuSeconds(): number;
};

export function appServer(o: {
  port: number;
  log: string;
  /** Added to the server's environment, e.g. the public address of the proxy in front of it. */
  env?: Record<string, string>;
}): AppServer {
  const base = `http://localhost:${o.port}`;
  const log: WriteStream = createWriteStream(o.log, { flags: "a" });
  let child: ChildProcess | null = null;
  let starts = 0;

  async function start() {
    // Another server on the port would answer the health check in this one's place.
    const busy = await waitForPortFree(o.port, starts === 0 ? 0 : 10_000);
    starts += 1;
    log.write(`\n=== start #${starts} at ${new Date().toISOString()} (port busy for ${busy} ms) ===\n`);
    const proc = spawn(
      process.execPath,
      [tsxCli, "scripts/start.ts", "--no-build", "--port", String(o.port), "--demo-appeals", "0"],
      {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NEXTAUTH_URL: base, ...o.env },
      },
    );
    proc.stdout?.pipe(log, { end: false });
    proc.stderr?.pipe(log, { end: false });
    child = proc;
    const exited = new Promise<never>((_, reject) =>
      proc.once("exit", (code, signal) =>
        reject(new Error(`server exited (${code ?? signal}) while starting`)),
      ),
    );
    exited.catch(() => {});
    await Promise.race([waitForHealth(base, 120_000), exited]);
  }

  async function signalGroup(signal: NodeJS.Signals, timeoutMs: number) {
    const pid = child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
    const deadline = Date.now() + timeoutMs;
    while (groupAlive(pid)) {
      if (Date.now() > deadline) {
        if (signal === "SIGKILL") throw new Error(`process group ${pid} survived SIGKILL`);
        return signalGroup("SIGKILL", 5000);
      }
      await sleep(20);
    }
    child = null;
  }

  return {
    base,
    start,
    // Dead once nothing answers on the port either: the server process may outlive its group's SIGKILL for a
    // moment (tsx runs it as a child that exits when its parent goes), accepting and resetting connections.
    kill: async () => {
      await signalGroup("SIGKILL", 5000);
      await waitForPortFree(o.port, 10_000);
    },
    stop: async () => {
      await signalGroup("SIGTERM", 10_000);
      log.end();
    },
    cpuSeconds: () => (child?.pid ? groupCpuSeconds(child.pid) : 0),
  };
}

// A process of the group that is still running; zombies (dead, not yet reaped by whoever inherited them)
// hold no port and no database connection, so they do not count.
function groupAlive(pgid: number): boolean {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return processStats().some((s) => s.pgrp === pgid && s.state !== "Z");
}

// Asks whether anything listens by connecting, never by listening: a probe that listened would accept,
// and reset, connections a balancer sends to the dead server's port meanwhile (test-cluster.ts).
function portFree(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = connect({ port, host: "127.0.0.1" });
    probe.once("connect", () => {
      probe.destroy();
      resolve("a server listens");
    });
    probe.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ECONNREFUSED" ? null : (error.code ?? error.message)),
    );
  });
}

// A killed server's listening socket may take a moment to be released by the kernel.
async function waitForPortFree(port: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const problem = await portFree(port);
    if (!problem) return Date.now() - started;
    if (Date.now() - started >= timeoutMs)
      throw new Error(`port ${port} stays taken (${problem}): choose another with --port`);
    await sleep(100);
  }
}

async function waitForHealth(base: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${base} did not become healthy in ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A free port below the kernel's ephemeral range, for a server that a test kills while clients keep
 * connecting to it: to a dead port inside that range, Linux can give a connection the same number as its
 * own source port and connect the socket to itself (TCP self-connect), which a balancer would read as a
 * reset with no kill to blame.
 */
export async function portBelowEphemeralRange(): Promise<number> {
  let low = 32768;
  try {
    low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
  } catch {
    // Not Linux: the range starts at 49152 (IANA) or 32768; below the lower is below both.
  }
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * (low - 10_000));
    if (await canListen(port)) return port;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}
