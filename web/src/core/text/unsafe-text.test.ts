import { describe, expect, it } from 'vitest';
import { describeUnsafeText, findUnsafeFormField } from './unsafe-text';

describe('text that cannot be saved', () => {
  it('names a NUL character and a lone surrogate', () => {
    expect(describeUnsafeText('a\u0000b')).toContain('U+0000');
    expect(describeUnsafeText('\uD800')).toContain('unpaired surrogate');
    expect(describeUnsafeText('x\uDC00')).toContain('unpaired surrogate');
  });

  it('accepts ordinary text, other control characters and surrogate pairs', () => {
    for (const text of ['', 'plain', 'tab\tand\nnewline', 'emoji 📈', 'Ünïcödé', '\u0001']) {
      expect(describeUnsafeText(text)).toBeNull();
    }
  });

  it('finds the first bad field of a form and names it as people know it', () => {
    const form = new FormData();
    form.set('field_summary', 'fine');
    form.set('comment', 'broken\u0000');
    form.set('field_keywords', 'also\u0000broken');
    expect(findUnsafeFormField(form)).toEqual({
      field: 'comment',
      message:
        '“comment” contains a NUL character (U+0000), which cannot be saved. Remove it and try again.',
    });
    form.delete('comment');
    expect(findUnsafeFormField(form)?.field).toBe('keywords');
  });

  it('checks the names of uploaded files and of fields too', () => {
    const upload = new FormData();
    upload.set('file', new File(['x'], 'a\u0000.txt'));
    expect(findUnsafeFormField(upload)?.field).toBe('file');
    const named = new FormData();
    named.set('bad\u0000name', 'x');
    expect(findUnsafeFormField(named)?.message).toContain('“badname”');
  });

  it('passes a clean form', () => {
    const form = new FormData();
    form.set('text', '= Heading =\nSome text.');
    form.set('file', new File(['x'], 'report 100%.pdf'));
    expect(findUnsafeFormField(form)).toBeNull();
  });
});
