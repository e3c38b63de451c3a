import { describe, expect, it } from 'vitest';
import { readSubmittedValues } from './admin-form-state';

describe('readSubmittedValues', () => {
  it('gives back every field typed or ticked, repeated ones in order', () => {
    const form = new FormData();
    form.append('name', 'Backend');
    form.append('owner', '');
    form.append('sel', 'one');
    form.append('sel', 'two');
    expect(readSubmittedValues(form)).toEqual({
      name: ['Backend'],
      owner: [''],
      sel: ['one', 'two'],
    });
  });

  it('leaves out the fields React adds to post a server action and any uploaded file', () => {
    const form = new FormData();
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', '{"id":"abc","bound":"$@1"}');
    form.append('$ACTION_KEY', 'k1');
    form.append('upload', new Blob(['x']), 'x.txt');
    form.append('subject', 'alice');
    expect(readSubmittedValues(form)).toEqual({ subject: ['alice'] });
  });
});
