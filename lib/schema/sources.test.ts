import { describe, expect, it } from 'vitest';
import { RestSourceSchema, summarizeZodError } from '@/lib/schema';

const parse = (baseUrl: string) => RestSourceSchema.safeParse({ kind: 'rest', baseUrl });

describe('source base URLs', () => {
  it('take an https address, without its trailing slash', () => {
    expect(parse('https://gateway.example.com/leadside/').data?.baseUrl).toBe('https://gateway.example.com/leadside');
  });

  it.each([
    ['https://admin:secret@gateway.example.com', 'user name and password'],
    ['https://token@gateway.example.com', 'user name and password'],
    ['https://gateway.example.com/api?key=1', '?query'],
    ['https://gateway.example.com/api?', '?query'],
    ['https://gateway.example.com/api#v1', '#fragment'],
    ['http://gateway.example.com', 'https://'],
  ])('refuse %s with words an admin can act on', (url, words) => {
    const result = parse(url);
    expect(result.success).toBe(false);
    expect(summarizeZodError(result.error!)).toContain(words);
  });
});
