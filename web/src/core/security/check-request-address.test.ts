import { describe, expect, it } from 'vitest';
import { findAddressProblem } from './check-request-address';

const problem = (address: string) => {
  const url = new URL(address, 'http://learntrac.test');
  // The raw text of the address, as the front door reads it (URL keeps percent-escapes as sent).
  return findAddressProblem(url.pathname, url.search);
};

describe('checking an address before routing it', () => {
  it.each([
    '/wiki/%ZZ',
    '/ticket/%FF',
    '/report/%',
    '/api/auth/%ZZ',
    '/milestone/%E2%82',
    '/attachment/wiki/Page/%C0%AF',
    '/query?status=%ZZ',
    '/search?q=%FF',
    '/timeline?%GG=1',
  ])('refuses malformed percent-encoding in %s', (address) => {
    expect(problem(address)).toMatch(/not valid percent-encoding/);
  });

  it.each([
    '/wiki/%00',
    '/wiki/Start%00.txt',
    '/query?status=%00',
    '/timeline?from=%00',
    '/search?q=a%00b',
    '/query?%00=new',
  ])('refuses a NUL character in %s', (address) => {
    expect(problem(address)).toMatch(/NUL character \(U\+0000\)/);
  });

  it.each([
    '/',
    '/wiki/Caf%C3%A9',
    '/wiki/100%25',
    '/raw-attachment/wiki/Page/a%25b%23c%3Fd%20e.txt',
    '/query?status=!closed&order=priority&col=summary',
    '/search?q=a+b%2Bc',
    '/timeline?from=2026-01-01&daysback=30',
    '/query?q=%E2%9C%93&x=',
    '/login?callbackUrl=%2Fticket%2F1',
  ])('serves %s', (address) => {
    expect(problem(address)).toBeNull();
  });

  it('quotes a long bad part only in part', () => {
    const message = problem(`/wiki/${'a'.repeat(500)}%ZZ`);
    expect(message?.length).toBeLessThan(250);
  });
});
