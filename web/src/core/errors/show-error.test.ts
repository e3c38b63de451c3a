import { MidAirCollisionError } from '@learntrac/db/errors';
import { describe, expect, it } from 'vitest';
import { AppError, permissionError } from './app-error';
import { DATABASE_UNAVAILABLE_MESSAGE, formMessageOf } from './show-error';

describe('formMessageOf', () => {
  it('shows a refused or invalid write with its field messages and problems', () => {
    expect(
      formMessageOf(
        new AppError('INVALID_INPUT', 'Some values are not valid.', {
          fieldErrors: { owner: 'No such user.' },
          problems: ['#3: no such ticket'],
        }),
      ),
    ).toEqual({
      message: 'Some values are not valid.',
      fieldErrors: { owner: 'No such user.' },
      problems: ['#3: no such ticket'],
    });
    expect(formMessageOf(permissionError('TICKET_ADMIN'))?.message).toMatch(/TICKET_ADMIN/);
    expect(formMessageOf(new MidAirCollisionError(4, 1n, 2n))?.message).toMatch(/#4/);
  });

  it('tells the viewer the database cannot be reached rather than failing the form', () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), {});
    expect(formMessageOf(lost)?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
  });

  it('leaves an unexpected failure to the caller', () => {
    expect(formMessageOf(new TypeError('x is undefined'))).toBeNull();
  });
});
