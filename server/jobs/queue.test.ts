// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isLostConnection } from './queue';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('which unhandled job-queue rejections the server survives', () => {
  it('a database connection cut by the administrator or the network', () => {
    expect(isLostConnection(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isLostConnection(pgError('08006', 'connection failure'))).toBe(true);
    expect(isLostConnection(pgError('ECONNRESET', 'read ECONNRESET'))).toBe(true);
    expect(isLostConnection(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('not a bug or a constraint violation, which still end the process', () => {
    expect(isLostConnection(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isLostConnection(new TypeError('x is not a function'))).toBe(false);
    expect(isLostConnection('57P01')).toBe(false);
  });
});
