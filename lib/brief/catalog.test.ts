import { beforeEach, describe, expect, it, vi } from 'vitest';
import contentFile from '@/public/demo/content.json';
import { DemoContentFileSchema } from '@/lib/connectors/demo';
import type { Connector } from '@/lib/connectors/types';
import type { ContentItem } from '@/lib/schema';
import { db } from '@/lib/store/db';
import { CATALOG_MAX_AGE_MINUTES, getCachedCatalog, getCatalog } from './catalog';

const original = DemoContentFileSchema.parse(contentFile).items;
const [edited, retired] = original;
/** The catalog after marketing edited the first item's title and retired the second, on the server. */
const afterEdit: ContentItem[] = [{ ...edited!, title: 'SOC 2 readiness, the 2027 edition' }, ...original.slice(2)];

let served: ContentItem[] = original;
const connector = { id: 'leadside:https://leadside.acme.example/v1', label: 'The Leadside server', listContent: vi.fn(async () => served) } as unknown as Connector & {
  listContent: ReturnType<typeof vi.fn>;
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** This browser's copy as a catalog refresh `minutes` ago left it. */
async function fetchedMinutesAgo(minutes: number) {
  served = original;
  await getCatalog(connector, 60);
  await db.catalogMeta.update('catalog', { fetchedAt: minutesAgo(minutes) });
  served = afterEdit;
  connector.listContent.mockClear();
}

describe('an item marketing edits or retires on the server reaches the rep', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('on the first brief after the stored catalog is older than the refresh cadence, even with a longer cache time', async () => {
    await fetchedMinutesAgo(CATALOG_MAX_AGE_MINUTES + 1);
    expect(await getCachedCatalog(connector.id, 60)).toBeUndefined();
    const { items } = await getCatalog(connector, 60);
    expect(connector.listContent).toHaveBeenCalledTimes(1);
    expect(items.find((item) => item.id === edited!.id)?.title).toBe('SOC 2 readiness, the 2027 edition');
    expect(items.map((item) => item.id)).not.toContain(retired!.id);
    // Stored too: the next worker reads the edit from IndexedDB.
    expect((await db.content.get(edited!.id))?.title).toBe('SOC 2 readiness, the 2027 edition');
    expect(await db.content.get(retired!.id)).toBeUndefined();
  });

  it('not before: a copy younger than both the cadence and the cache time is used as it is', async () => {
    expect(CATALOG_MAX_AGE_MINUTES).toBeLessThanOrEqual(15);
    await fetchedMinutesAgo(CATALOG_MAX_AGE_MINUTES - 1);
    expect((await getCatalog(connector, 60)).items.find((item) => item.id === edited!.id)?.title).toBe(edited!.title);
    expect(connector.listContent).not.toHaveBeenCalled();
  });

  it('sooner when the admin set a shorter cache time', async () => {
    await fetchedMinutesAgo(2);
    expect(await getCachedCatalog(connector.id, 1)).toBeUndefined();
    expect((await getCatalog(connector, 1)).items.find((item) => item.id === edited!.id)?.title).toBe('SOC 2 readiness, the 2027 edition');
  });
});

describe('a catalog that cannot be refreshed', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('serves the stored copy, marked stale with the reason, instead of failing the brief', async () => {
    await fetchedMinutesAgo(120);
    connector.listContent.mockRejectedValueOnce(new Error('The Leadside server answered 503: maintenance'));
    const read = await getCatalog(connector, 60);
    expect(read.items.map((item) => item.id).sort()).toEqual(original.map((item) => item.id).sort());
    expect(read.stale).toEqual({
      fetchedAt: expect.any(String),
      error: 'The Leadside server answered 503: maintenance',
      // A plain Error here (no connector's code): worded as unexpected, its own words quoted.
      coded: { code: 'source.unexpected', detail: 'The Leadside server answered 503: maintenance' },
    });
  });

  it('still fails when there is no copy of this source to fall back on', async () => {
    connector.listContent.mockRejectedValueOnce(new Error('The Leadside server answered 503: maintenance'));
    await expect(getCatalog(connector, 60)).rejects.toThrow('503');
  });

  it('shares one download between briefs built at the same time', async () => {
    await fetchedMinutesAgo(120);
    let release!: () => void;
    connector.listContent.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(afterEdit))));
    const reads = Promise.all([getCatalog(connector, 60), getCatalog(connector, 60), getCatalog(connector, 60)]);
    await vi.waitFor(() => expect(release).toBeDefined());
    release();
    const [first, second, third] = await reads;
    expect(connector.listContent).toHaveBeenCalledTimes(1);
    expect(first.items).toBe(second.items);
    expect(third.items[0]!.title).toBe('SOC 2 readiness, the 2027 edition');
  });
});
