import { describe, expect, it } from 'vitest';
import { parseQuestionEdit } from './question-edit-form';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe('a question’s edit form', () => {
  it('reads the options of a multiple-choice question one per line', () => {
    expect(
      parseQuestionEdit(
        form({
          prompt: 'What does a call push?',
          expectedAnswer: 'a stack frame',
          choices: 'a stack frame\n\n  a heap block \r\na base case',
          difficulty: '2',
        }),
        'choice',
      ),
    ).toEqual({
      ok: true,
      input: {
        prompt: 'What does a call push?',
        expectedAnswer: 'a stack frame',
        choices: ['a stack frame', 'a heap block', 'a base case'],
        difficulty: 2,
      },
    });
  });

  it('names what is wrong with each field', () => {
    expect(
      parseQuestionEdit(form({ prompt: 'Every recursion needs a base', difficulty: '9' }), 'cloze'),
    ).toEqual({
      ok: false,
      fieldErrors: { expectedAnswer: 'Write the expected answer', difficulty: 'From 1 to 5' },
    });
    expect(
      parseQuestionEdit(
        form({ prompt: 'Every recursion needs a base', expectedAnswer: 'case', difficulty: '1' }),
        'cloze',
      ),
    ).toEqual({ ok: false, fieldErrors: { prompt: 'Mark the missing words with _____' } });
    expect(
      parseQuestionEdit(
        form({ prompt: 'Pick', expectedAnswer: 'a', choices: 'a', difficulty: '1' }),
        'choice',
      ),
    ).toEqual({ ok: false, fieldErrors: { choices: 'List 2 to 8 options, one per line' } });
  });
});
