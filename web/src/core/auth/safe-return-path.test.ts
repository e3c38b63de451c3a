import { describe, expect, it } from 'vitest';
import { safeRedirectUrl, safeReturnPath } from './safe-return-path';

describe('where sign-in may return to', () => {
  it.each([
    '/.//evil.example',
    '/..//evil.example',
    '/./..//evil.example/x',
    '//evil.example',
    '///evil.example',
    '\\\\evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'http://learntrac.invalid.evil.example/',
    'javascript:alert(1)',
    'data:text/html,x',
    ' //evil.example',
  ])('sends %j home', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });

  it('decodes the login page’s own parameter first, so encoded tricks resolve the same way', () => {
    // /login?callbackUrl=%2F.%2F%2Fevil.example: the page receives the decoded value.
    expect(safeReturnPath(decodeURIComponent('%2F.%2F%2Fevil.example'))).toBe('/');
    expect(safeReturnPath(decodeURIComponent('%5C%5Cevil.example'))).toBe('/');
  });

  it('keeps an encoded slash inside a path, which browsers never read as a host', () => {
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it.each([
    ['/ticket/12', '/ticket/12'],
    ['/query?status=new&order=id', '/query?status=new&order=id'],
    ['/wiki/Start#section', '/wiki/Start#section'],
    ['/wiki/a/../b', '/wiki/b'],
    ['ticket/3', '/ticket/3'],
  ])('keeps the path %s on this site', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([undefined, null, '', 42, ['/ticket/1']])('sends %j home', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});

describe('where next-auth redirects after sign-in', () => {
  const baseUrl = 'http://localhost:8000';
  it.each([
    ['/ticket/1', 'http://localhost:8000/ticket/1'],
    ['http://localhost:8000/wiki/Start', 'http://localhost:8000/wiki/Start'],
    ['http://localhost:8000//evil.example', 'http://localhost:8000/'],
    ['/.//evil.example', 'http://localhost:8000/'],
    ['https://evil.example/', 'http://localhost:8000/'],
    ['http://localhost:8000.evil.example/', 'http://localhost:8000/.evil.example/'],
  ])('turns %s into %s', (url, expected) => {
    expect(safeRedirectUrl({ url, baseUrl })).toBe(expected);
  });
});
