import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/store/db';
import { newOutboxRow } from '@/lib/delivery/outbox-row';
import { DELIVERY_ALARM, deliverDue } from './delivery';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the alarm that wakes the worker for the next retry', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('is set for a row backing off, whatever order two deliveries finish in', async () => {
    // Every message calls deliverDue, so several run at once. The first finds nothing due and clears
    // the alarm, but that clear lands only after a second delivery, which saw a row wait its backoff,
    // has set it: the row, due after the worker has gone idle, would then never be sent.
    const clear = fakeBrowser.alarms.clear.bind(fakeBrowser.alarms);
    let landClear!: () => void;
    const clearLands = new Promise<void>((resolve) => (landClear = resolve));
    const clearing = vi.spyOn(fakeBrowser.alarms, 'clear').mockImplementationOnce(async (name) => {
      await clearLands;
      return clear(name);
    });
    const first = deliverDue();
    await vi.waitFor(() => expect(clearing).toHaveBeenCalled());

    const due = Date.now() + 60_000;
    await db.outbox.add({ ...newOutboxRow('a-verdict', 'feedback'), nextAttemptAt: due });
    const second = deliverDue();
    await Promise.race([second, settle(300)]);
    landClear();
    await Promise.all([first, second]);

    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toMatchObject({ scheduledTime: due });
  });

  it('is cleared once nothing waits', async () => {
    await fakeBrowser.alarms.create(DELIVERY_ALARM, { when: Date.now() + 60_000 });
    await deliverDue();
    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toBeUndefined();
  });
});
