import { describe, expect, it } from 'vitest';
import { describeConcept, describeStanding as standingOf } from './concept-standing';
import type { GraphConcept } from './graph-concept';

const describeStanding = (concept: GraphConcept) => standingOf(concept);

const base = { ticketId: 1, concept: 'Recursion', sequence: 1, prerequisites: [], href: '/x' };

describe('describeStanding', () => {
  it('shows a locked concept as locked, with a dashed border', () => {
    const standing = describeStanding({ ...base, status: 'not_started', locked: true, score: 0 });
    expect(standing?.key).toBe('locked');
    expect(standing?.dashed).toBe(true);
  });

  it('keeps a mastered concept mastered even when a prerequisite is not', () => {
    expect(describeStanding({ ...base, status: 'mastered', locked: true, score: 0.9 })?.key).toBe(
      'mastered',
    );
  });

  it('gives mastered and not-started concepts different colours', () => {
    const mastered = describeStanding({ ...base, status: 'mastered', score: 1 });
    const fresh = describeStanding({ ...base, status: 'not_started', score: 0 });
    expect(mastered?.fill).not.toBe(fresh?.fill);
  });

  it('has no standing for a concept seen without a learner', () => {
    expect(describeStanding(base)).toBeNull();
    expect(describeConcept(base)).toBe('Recursion');
  });

  it('says the status and the score in words', () => {
    expect(describeConcept({ ...base, status: 'in_progress', score: 0.456 })).toBe(
      'Recursion: in progress, 46%',
    );
  });
});
