import { describe, expect, it } from 'bun:test';

import { summariseProfile } from '../lib/cpu-profile';

const frame = (functionName: string) => ({ functionName, url: '/x/main.js', lineNumber: 9 });

describe('summariseProfile', () => {
  it('charges own time to the running function and inclusive time to its callers', () => {
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2] },
        { id: 2, callFrame: frame('handle'), children: [3] },
        { id: 3, callFrame: frame('log') },
      ],
      samples: [3, 3, 2, 1],
    });

    expect(summary.self[0]).toEqual({ frame: 'log main.js:10', percent: 50 });
    expect(summary.inclusive.find((e) => e.frame.startsWith('handle'))?.percent).toBe(75);
  });

  it('counts a recursive function once per sample', () => {
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('walk'), children: [2] },
        { id: 2, callFrame: frame('walk') },
      ],
      samples: [2],
    });

    expect(summary.inclusive).toEqual([{ frame: 'walk main.js:10', percent: 100 }]);
  });
});
