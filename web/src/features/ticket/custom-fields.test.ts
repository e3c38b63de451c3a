import { describe, expect, it } from 'vitest';
import {
  CustomFieldSchema,
  CustomFieldsConfigSchema,
  customFieldDefault,
  fromStoredTime,
  normalizeCustomValue,
  timeInputValue,
} from './custom-fields';

const field = (definition: Record<string, unknown>) => CustomFieldSchema.parse(definition);

describe('custom field definitions', () => {
  it('refuses built-in names, bad names and choice fields without options', () => {
    expect(CustomFieldSchema.safeParse({ name: 'owner', type: 'text' }).success).toBe(false);
    expect(CustomFieldSchema.safeParse({ name: 'Bad-Name', type: 'text' }).success).toBe(false);
    expect(CustomFieldSchema.safeParse({ name: 'level', type: 'select' }).success).toBe(false);
    expect(
      CustomFieldsConfigSchema.safeParse([{ name: 'level', type: 'radio', options: ['a'] }])
        .success,
    ).toBe(true);
  });

  it('starts a select that may not be empty on its first option when its default is not one', () => {
    const level = { name: 'level', type: 'select', options: ['easy', 'hard'] };
    expect(customFieldDefault(field(level))).toBe('easy');
    expect(customFieldDefault(field({ ...level, value: 'hard' }))).toBe('hard');
    expect(customFieldDefault(field({ ...level, optional: true }))).toBe('');
  });
});

describe('normalizeCustomValue', () => {
  it('stores checkboxes as 1 and 0', () => {
    const graded = field({ name: 'graded', type: 'checkbox' });
    expect(normalizeCustomValue(graded, '1')).toEqual({ value: '1' });
    expect(normalizeCustomValue(graded, undefined)).toEqual({ value: '0' });
  });

  it('keeps select and radio values to their options', () => {
    const level = field({ name: 'level', type: 'select', options: ['intro', 'advanced'] });
    expect(normalizeCustomValue(level, 'intro')).toEqual({ value: 'intro' });
    expect(normalizeCustomValue(level, 'expert')).toEqual({
      error: 'Level must be one of intro, advanced.',
    });
    expect(normalizeCustomValue(level, '')).toHaveProperty('error');
    const radio = field({ name: 'pace', type: 'radio', options: ['slow'] });
    expect(normalizeCustomValue(radio, '')).toEqual({ value: '' });
  });

  it('stores times as Trac does, 18-digit microseconds, and shows them back as dates', () => {
    const due = field({ name: 'due_on', type: 'time', format: 'date', label: 'Due on' });
    const stored = normalizeCustomValue(due, '2025-03-01');
    expect(stored).toEqual({ value: '001740787200000000' });
    expect(fromStoredTime('001740787200000000')?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(timeInputValue(due, '001740787200000000')).toBe('2025-03-01');
    const at = field({ name: 'starts', type: 'time' });
    expect(normalizeCustomValue(at, '2025-03-01 14:30')).toEqual({ value: '001740839400000000' });
    expect(normalizeCustomValue(due, 'next week')).toEqual({
      error: 'Due on must be a date like 2025-03-01.',
    });
  });

  it('limits text to one line’s worth and keeps textareas as typed', () => {
    const source = field({ name: 'source', type: 'text' });
    expect(normalizeCustomValue(source, '  chapter 3 ')).toEqual({ value: 'chapter 3' });
    expect(normalizeCustomValue(source, 'x'.repeat(256))).toHaveProperty('error');
    const notes = field({ name: 'notes', type: 'textarea' });
    expect(normalizeCustomValue(notes, ' a\nb ')).toEqual({ value: ' a\nb ' });
  });
});
