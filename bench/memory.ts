// Resident memory of a process tree, from /proc (Linux): polled during the run, because VmHWM
// alone misses processes that come and go, and the tree's peak is what a host has to provide.
import { readdir, readFile } from "node:fs/promises";

export type ProcMemory = { rssKb: number; hwmKb: number };

/** VmRSS and VmHWM (kB) from the text of /proc/<pid>/status; 0 for a field that is missing. */
export function parseProcStatus(text: string): ProcMemory {
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s*kB`, "m").exec(text)?.[1] ?? 0);
  return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
}

/** The parent pid from the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). */
export function parseParentPid(statText: string): number {
  const afterName = statText.slice(statText.lastIndexOf(")") + 2);
  return Number(afterName.split(" ")[1]);
}

/** `root` and every descendant still alive. */
export async function processTree(root: number): Promise<number[]> {
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const parents = new Map<number, number>();
  await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => null);
        if (stat) parents.set(Number(name), parseParentPid(stat));
      }),
  );
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree.filter((pid) => pid === root || parents.has(pid));
}

async function readMemory(pid: number): Promise<ProcMemory | null> {
  const text = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  return text === null ? null : parseProcStatus(text);
}

export type MemoryReport = {
  /** Highest sum of VmRSS over the tree seen by the poller (MB). */
  peakTreeRssMb: number;
  /** Highest VmHWM of any single process of the tree (MB): the kernel's own peak, between polls too. */
  peakProcessHwmMb: number;
  /** VmRSS of the tree at the last poll (MB). */
  lastTreeRssMb: number;
  samples: number;
};

export type MemoryWatch = {
  /** Starts a new window for `windowPeakMb` (e.g. one route's run). */
  resetWindow: () => void;
  /** Highest tree VmRSS seen since the last resetWindow (MB). */
  windowPeakMb: () => number;
  stop: () => Promise<MemoryReport>;
};

/** Polls the tree's memory every `intervalMs` until stopped. */
export function watchMemory(root: number, intervalMs = 250): MemoryWatch {
  const report: MemoryReport = { peakTreeRssMb: 0, peakProcessHwmMb: 0, lastTreeRssMb: 0, samples: 0 };
  let windowPeak = 0;
  let running = true;
  const poll = async () => {
    const tree = await processTree(root);
    const readings = (await Promise.all(tree.map(readMemory))).filter((m): m is ProcMemory => m !== null);
    if (readings.length === 0) return;
    const rss = readings.reduce((sum, m) => sum + m.rssKb, 0) / 1024;
    report.lastTreeRssMb = rss;
    report.peakTreeRssMb = Math.max(report.peakTreeRssMb, rss);
    windowPeak = Math.max(windowPeak, rss);
    report.peakProcessHwmMb = Math.max(report.peakProcessHwmMb, ...readings.map((m) => m.hwmKb / 1024));
    report.samples += 1;
  };
  const loop = (async () => {
    while (running) {
      await poll();
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    resetWindow: () => {
      windowPeak = report.lastTreeRssMb;
    },
    windowPeakMb: () => windowPeak,
    stop: async () => {
      await poll();
      running = false;
      await loop;
      return report;
    },
  };
}
