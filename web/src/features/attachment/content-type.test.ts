import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './content-type';

describe('how an attached file is served', () => {
  it.each(['page.html', 'page.HTM', 'drawing.svg', 'data.xml', 'slides.pdf', 'app.js', 'noext'])(
    'sends %s as a download of unknown type, never as something a browser would run',
    (filename) => {
      expect(contentTypeOf(filename)).toEqual({ type: 'application/octet-stream', inline: false });
    },
  );

  it.each([
    ['photo.PNG', 'image/png'],
    ['notes.txt', 'text/plain; charset=utf-8'],
  ])('shows %s inline as %s', (filename, type) => {
    expect(contentTypeOf(filename)).toEqual({ type, inline: true });
  });
});
