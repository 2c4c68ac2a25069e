/** One function's share of the samples in a CPU profile. */
export interface ProfileEntry {
  /** Function name, file and line, e.g. "callerIp main.js:27838". */
  readonly frame: string;
  /** Share of all samples, in percent. */
  readonly percent: number;
}

/** Where a CPU profile's samples fell. */
export interface ProfileSummary {
  /** Samples in the profile. */
  readonly samples: number;
  /** Functions by samples spent in their own code. */
  readonly self: readonly ProfileEntry[];
  /** Functions by samples spent in them or anything they called. */
  readonly inclusive: readonly ProfileEntry[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

/** The parts of a Chrome `.cpuprofile` (as `bun --cpu-prof` writes it) that are read here. */
export interface CpuProfile {
  /** The call tree. */
  readonly nodes: readonly ProfileNode[];
  /** For each sample, the id of the node that was running. */
  readonly samples: readonly number[];
}

/** Adds up a CPU profile by function, keeping the `limit` biggest of each kind. */
export function summariseProfile(profile: CpuProfile, limit = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parentOf.set(child, node.id);
    }
  }

  const hits = new Map<number, number>();
  for (const id of profile.samples) {
    hits.set(id, (hits.get(id) ?? 0) + 1);
  }

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, count] of hits) {
    const leaf = byId.get(id);
    if (leaf !== undefined) {
      self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + count);
    }

    // A recursive function appears once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at);
      const name = node === undefined ? '?' : frameName(node);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + count);
      }
    }
  }

  const total = profile.samples.length;
  return { samples: total, self: top(self, total, limit), inclusive: top(inclusive, total, limit) };
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'} ${file}${file === '' ? '' : `:${lineNumber + 1}`}`.trim();
}

function top(counts: Map<string, number>, total: number, limit: number): ProfileEntry[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, count]) => ({ frame, percent: (count / total) * 100 }));
}
