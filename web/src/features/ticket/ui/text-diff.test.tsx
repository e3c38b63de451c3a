import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextDiff } from './text-diff';

describe('TextDiff', () => {
  it('marks the removed line red and the added line green, keeping the rest as context', () => {
    const html = renderToStaticMarkup(
      <TextDiff before={'first\nold middle\nlast\n'} after={'first\nnew middle\nlast\n'} />,
    );
    expect(html).toContain('<span class="rem">- old middle\n</span>');
    expect(html).toContain('<span class="add">+ new middle\n</span>');
    expect(html).toContain('<span class="ctx">  first\n</span>');
  });

  it('does not mark a last line as changed only because its newline was dropped', () => {
    const html = renderToStaticMarkup(<TextDiff before={'same\n'} after="same" />);
    expect(html).toBe('<pre class="ticket-diff"><span class="ctx">  same\n</span></pre>');
  });
});
