// What /proc says of a process: its state, parent, group and CPU time, for the cluster test (is a process
// group still running?) and the capacity measurement (how much CPU a filing costs each process).
import { readdirSync, readFileSync } from "node:fs";

// Linux counts CPU time in clock ticks of 1/100 s (USER_HZ), whatever the kernel's own tick.
const TICKS_PER_SECOND = 100;

type ProcessStat = {
  pid: number;
  state: string;
  ppid: number;
  pgrp: number;
  cpu: number;
  childrenCpu: number;
};

function statOf(pid: number | string): ProcessStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state, ppid, pgrp, … utime is the 14th field.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const n = (i: number) => Number(f[i - 3]) / TICKS_PER_SECOND;
    return {
      pid: Number(pid),
      state: f[0] ?? "",
      ppid: Number(f[1]),
      pgrp: Number(f[2]),
      cpu: n(14) + n(15),
      childrenCpu: n(16) + n(17),
    };
  } catch {
    // Gone while we looked.
    return null;
  }
}

export function processStats(): ProcessStat[] {
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .map(statOf)
    .filter((s): s is ProcessStat => s !== null);
}

/** CPU seconds used so far by the running processes of a group (a web process and its tsx parent). */
export function groupCpuSeconds(pgid: number): number {
  return processStats()
    .filter((s) => s.pgrp === pgid)
    .reduce((sum, s) => sum + s.cpu, 0);
}

/**
 * CPU seconds used so far by a PostgreSQL server: the postmaster, its running backends and helpers, and
 * those that have ended (the postmaster reaps them, so their time is in its children's count).
 */
export function serverCpuSeconds(postmasterPid: number): number {
  const postmaster = statOf(postmasterPid);
  if (!postmaster) throw new Error(`no process ${postmasterPid}`);
  return processStats()
    .filter((s) => s.ppid === postmasterPid)
    .reduce((sum, s) => sum + s.cpu, postmaster.cpu + postmaster.childrenCpu);
}

export function parentOf(pid: number): number | null {
  return statOf(pid)?.ppid ?? null;
}
