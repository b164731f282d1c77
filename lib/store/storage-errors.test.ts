import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageError } from './storage-errors';

describe('storage errors in words', () => {
  it('says what to do when the browser has no room left, however Dexie wraps it', () => {
    const quota = new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(describeStorageError(quota)).toContain('no room left');
    expect(describeStorageError(new DOMException('full', 'QuotaExceededError'))).toContain('no room left');
  });

  it('says what to do when the database will not open or was written by a newer version', () => {
    expect(describeStorageError(new Dexie.OpenFailedError('UnknownError: Internal error opening backing store'))).toContain('could not open its local data');
    expect(describeStorageError(new Dexie.VersionError('requested version (9) is less than existing (12)'))).toContain('newer version');
  });

  it('leaves other errors to their own message', () => {
    expect(describeStorageError(new Error('HubSpot answered 401'))).toBeUndefined();
  });
});
