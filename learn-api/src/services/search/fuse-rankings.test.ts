import { describe, expect, it } from 'vitest';
import { fuseRankings } from './fuse-rankings.js';

describe('fuseRankings', () => {
  it('puts an item both rankings place high above one only a single ranking places first', () => {
    const fused = fuseRankings([
      { ids: ['vector-only', 'both', 'c'] },
      { ids: ['text-only', 'both', 'd'] },
    ]);
    expect(fused[0]!.id).toBe('both');
  });

  it('scores an item first in every ranking 1 and everything else lower', () => {
    const fused = fuseRankings([{ ids: ['a', 'b'] }, { ids: ['a', 'c'], weight: 0.4 }], { k: 2 });
    expect(fused[0]!.id).toBe('a');
    expect(fused[0]!.score).toBeCloseTo(1, 10);
    for (const hit of fused.slice(1)) expect(hit.score).toBeLessThan(1);
  });

  it('keeps a single ranking in its own order', () => {
    expect(fuseRankings([{ ids: ['x', 'y', 'z'] }]).map((hit) => hit.id)).toEqual(['x', 'y', 'z']);
  });

  it('lets a heavier ranking decide between two items each ranking puts first', () => {
    const fused = fuseRankings([
      { ids: ['meaning', 'words'] },
      { ids: ['words', 'meaning'], weight: 0.4 },
    ]);
    expect(fused.map((hit) => hit.id)).toEqual(['meaning', 'words']);
  });
});
