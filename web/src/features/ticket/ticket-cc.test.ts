import { describe, expect, it } from 'vitest';
import { ccToggleOf, changesOnlyOwnCc, toggleCc } from './ticket-cc';
import { ticketPageTitle } from './ticket-page-title';

describe('the Cc box', () => {
  it('offers “Add to Cc” until the user is on the list, then “Remove from Cc”', () => {
    expect(ccToggleOf('ivan, ada', 'lea')).toBe('add');
    expect(ccToggleOf('ivan,lea ada', 'lea')).toBe('remove');
    expect(toggleCc('', 'lea')).toBe('lea');
    expect(toggleCc('ivan ada', 'lea')).toBe('ivan, ada, lea');
    expect(toggleCc('ivan, lea, ada', 'lea')).toBe('ivan, ada');
  });

  it('tells a change of one’s own name from a change of anyone else’s', () => {
    expect(changesOnlyOwnCc('ivan', 'ivan, lea', 'lea')).toBe(true);
    expect(changesOnlyOwnCc('ivan lea', 'ivan', 'lea')).toBe(true);
    expect(changesOnlyOwnCc('ivan', 'lea', 'lea')).toBe(false);
    expect(changesOnlyOwnCc(null, 'lea, ada', 'lea')).toBe(false);
  });
});

describe('ticketPageTitle', () => {
  it('titles the page as Trac does', () => {
    expect(ticketPageTitle({ id: 12, summary: 'Explain\n BFS' })).toBe('#12 (Explain BFS)');
  });
});
