import { describe, expect, it } from 'vitest';
import type { Permission } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
import { hasTicketPermission, mayChangeField } from './ticket-permissions';

const actor = (name: string | null, ...permissions: Permission[]): Viewer => ({
  name,
  permissions: new Set(permissions),
});

describe('hasTicketPermission', () => {
  it('follows Trac’s implications: TICKET_MODIFY brings comment and property rights', () => {
    const modifier = actor('ivan', 'TICKET_MODIFY');
    expect(hasTicketPermission(modifier, 'TICKET_APPEND')).toBe(true);
    expect(hasTicketPermission(modifier, 'TICKET_CHGPROP')).toBe(true);
    expect(hasTicketPermission(modifier, 'TICKET_EDIT_DESCRIPTION')).toBe(false);
    expect(hasTicketPermission(modifier, 'TICKET_ADMIN')).toBe(false);
  });

  it('gives TICKET_ADMIN every ticket permission and TRAC_ADMIN everything', () => {
    const ticketAdmin = actor('t', 'TICKET_ADMIN');
    for (const permission of [
      'TICKET_APPEND',
      'TICKET_CHGPROP',
      'TICKET_EDIT_COMMENT',
      'TICKET_VIEW',
    ]) {
      expect(hasTicketPermission(ticketAdmin, permission)).toBe(true);
    }
    expect(hasTicketPermission(actor('a', 'TRAC_ADMIN'), 'ANYTHING')).toBe(true);
  });

  it('grants nothing beyond what is held', () => {
    expect(hasTicketPermission(actor(null, 'TICKET_VIEW'), 'TICKET_APPEND')).toBe(false);
    expect(hasTicketPermission(actor('l', 'TICKET_CREATE'), 'TICKET_APPEND')).toBe(false);
  });
});

describe('mayChangeField', () => {
  it('keeps status, owner and resolution to the workflow', () => {
    for (const field of ['status', 'owner', 'resolution']) {
      expect(mayChangeField({ actor: actor('a', 'TRAC_ADMIN'), field, reporter: null })).toBe(
        false,
      );
    }
  });

  it('lets the reporter edit their own summary and description with TICKET_APPEND only', () => {
    const lea = actor('lea', 'TICKET_APPEND');
    expect(mayChangeField({ actor: lea, field: 'description', reporter: 'lea' })).toBe(true);
    expect(mayChangeField({ actor: lea, field: 'summary', reporter: 'lea' })).toBe(true);
    expect(mayChangeField({ actor: lea, field: 'priority', reporter: 'lea' })).toBe(false);
    expect(mayChangeField({ actor: lea, field: 'description', reporter: 'ivan' })).toBe(false);
  });

  it('leaves the reporter field to ticket admins', () => {
    expect(
      mayChangeField({ actor: actor('i', 'TICKET_MODIFY'), field: 'reporter', reporter: 'x' }),
    ).toBe(false);
    expect(
      mayChangeField({ actor: actor('t', 'TICKET_ADMIN'), field: 'reporter', reporter: 'x' }),
    ).toBe(true);
  });
});
