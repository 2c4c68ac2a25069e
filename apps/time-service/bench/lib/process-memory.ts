import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process tree, in KiB, as the kernel reports it in /proc. */
export interface TreeMemory {
  /** Sum of VmRSS (current resident memory) over the process and its descendants. */
  readonly rssKiB: number;
  /** Sum of VmHWM (each process's own resident peak) over the process and its descendants. */
  readonly peakKiB: number;
  /** How many processes were counted. */
  readonly processes: number;
}

/**
 * Reads the resident memory of `pid` and every descendant (gunicorn's workers, for one).
 * Shared pages count once per process, as `ps` and `top` count them.
 */
export function readTreeMemory(pid: number): TreeMemory {
  const pids = [pid, ...findDescendants(pid)];
  let rssKiB = 0;
  let peakKiB = 0;

  for (const each of pids) {
    const status = readStatus(each);
    rssKiB += status.get('VmRSS') ?? 0;
    peakKiB += status.get('VmHWM') ?? 0;
  }

  return { rssKiB, peakKiB, processes: pids.length };
}

/** Lists the PIDs descended from `pid`, found through each process's parent in /proc. */
export function findDescendants(pid: number): number[] {
  const childrenOf = new Map<number, number[]>();

  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const parent = readParent(Number(entry));
    if (parent !== null) {
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), Number(entry)]);
    }
  }

  const found: number[] = [];
  const queue = [...(childrenOf.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    found.push(next);
    queue.push(...(childrenOf.get(next) ?? []));
  }
  return found;
}

function readParent(pid: number): number | null {
  const stat = readProcFile(pid, 'stat');
  // The command name sits in parentheses and may itself hold spaces or parentheses.
  const afterName = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parent = Number(afterName?.[1]);
  return Number.isInteger(parent) ? parent : null;
}

function readStatus(pid: number): Map<string, number> {
  const fields = new Map<string, number>();

  for (const line of (readProcFile(pid, 'status') ?? '').split('\n')) {
    const match = /^(\w+):\s+(\d+) kB$/.exec(line);
    if (match?.[1] !== undefined) {
      fields.set(match[1], Number(match[2]));
    }
  }
  return fields;
}

function readProcFile(pid: number, name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    // The process exited between listing and reading: it no longer holds any memory.
    return null;
  }
}
