import { describe, expect, it } from 'vitest';
import { fuseRankings } from './fuse-rankings.js';

describe('fuseRankings', () => {
  it('puts an item both rankings place high above one only a single ranking places first', () => {
    const fused = fuseRankings([
      ['vector-only', 'both', 'c'],
      ['text-only', 'both', 'd'],
    ]);
    expect(fused[0]!.id).toBe('both');
  });

  it('scores an item first in every ranking 1 and everything else lower', () => {
    const fused = fuseRankings([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    expect(fused[0]).toEqual({ id: 'a', score: 1 });
    for (const hit of fused.slice(1)) expect(hit.score).toBeLessThan(1);
  });

  it('keeps a single ranking in its own order', () => {
    expect(fuseRankings([['x', 'y', 'z']]).map((hit) => hit.id)).toEqual(['x', 'y', 'z']);
  });
});
