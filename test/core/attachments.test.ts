import { describe, expect, it } from 'vitest';
import { checkFiles, defaultFileRules, matchesAccept, toFilePart } from '../../src/core/attachments.js';

const file = (name: string, type: string, size = 1) => ({ name, type, size });

describe('matchesAccept', () => {
  it.each([
    [undefined, 'a.exe', 'application/x-msdownload', true],
    ['', 'a.exe', 'application/x-msdownload', true],
    ['image/*', 'a.PNG', 'image/png', true],
    ['image/*', 'a.pdf', 'application/pdf', false],
    ['.pdf, .txt', 'Notes.PDF', '', true],
    ['.pdf,.txt', 'notes.md', 'text/markdown', false],
    ['application/json', 'x.json', 'application/json', true],
    ['application/json', 'x.json', 'text/plain', false],
    ['image/*,.pdf', 'scan.pdf', 'application/pdf', true],
  ])('accept %j takes %s (%s): %s', (accept, name, type, expected) => {
    expect(matchesAccept(file(name, type), accept)).toBe(expected);
  });
});

describe('checkFiles', () => {
  it('refuses by type first, then size, then count, counting the files already attached', () => {
    const rules = { accept: 'image/*', maxFiles: 3, maxFileSize: 10 };
    const files = [
      file('a.png', 'image/png'),
      file('b.pdf', 'application/pdf'),
      file('c.png', 'image/png', 11),
      file('d.png', 'image/png'),
      file('e.png', 'image/png'),
    ];
    const { accepted, rejected } = checkFiles(files, rules, 1);
    expect(accepted.map((f) => f.name)).toEqual(['a.png', 'd.png']);
    expect(rejected.map(({ file: f, reason }) => [f.name, reason])).toEqual([
      ['b.pdf', 'type'],
      ['c.png', 'size'],
      ['e.png', 'count'],
    ]);
  });

  it('defaults to four files of at most 10 MiB each', () => {
    expect(defaultFileRules).toEqual({ maxFiles: 4, maxFileSize: 10_485_760 });
  });
});

describe('toFilePart', () => {
  it('reads a file into a data URL that decodes to the same bytes, across base64 slices', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const part = await toFilePart(new File([bytes], 'blob.bin'));
    expect(part).toMatchObject({
      type: 'file',
      name: 'blob.bin',
      mediaType: 'application/octet-stream',
      size: 100_000,
    });
    const decoded = Buffer.from(part.url.slice('data:application/octet-stream;base64,'.length), 'base64');
    expect(new Uint8Array(decoded)).toEqual(bytes);
  });
});
