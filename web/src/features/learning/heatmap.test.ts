import { describe, expect, it } from 'vitest';
import { describeCell, formatShare, heatBand, learnerName } from './heatmap';

describe('the class heatmap', () => {
  it('says each standing in words, with the score and tries once the learner answered', () => {
    expect(describeCell({ status: 'not_started', score: 0, attempts: 0 })).toBe('not started');
    expect(describeCell({ status: 'in_progress', score: 0.456, attempts: 1 })).toBe(
      'in progress, 46% (1 try)',
    );
    expect(describeCell({ status: 'mastered', score: 0.9, attempts: 3 })).toBe(
      'mastered, 90% (3 tries)',
    );
  });

  it('colours cells from no answer through poor to mastered', () => {
    expect(heatBand({ status: 'not_started', score: 0, attempts: 0 })).toBe('heat-none');
    expect(heatBand({ status: 'in_progress', score: 0.1, attempts: 2 })).toBe('heat-poor');
    expect(heatBand({ status: 'in_progress', score: 0.4, attempts: 2 })).toBe('heat-fair');
    expect(heatBand({ status: 'completed', score: 0.8, attempts: 1 })).toBe('heat-good');
    expect(heatBand({ status: 'mastered', score: 0.8, attempts: 2 })).toBe('heat-mastered');
  });

  it('names learners by user name, falling back to a short sign-in id', () => {
    expect(learnerName({ userId: 'a1b2c3d4-e5f6', username: 'ada' })).toBe('ada');
    expect(learnerName({ userId: 'a1b2c3d4-e5f6', username: null })).toBe('user a1b2c3d4');
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(null)).toBe('—');
  });
});
