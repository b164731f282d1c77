import { beforeEach, describe, expect, it, vi } from 'vitest';
import { leadProfile } from '@/test/support/lead-profile';
import type { Connector } from '@/lib/connectors/types';
import type { ContentItem, FeedbackItem } from '@/lib/schema';
import type { FieldSignal, FieldSignals } from '@/lib/schema/rest-api';
import { db } from '@/lib/store/db';
import { FIELD_WINDOW_DAYS } from '@/lib/suggest/field';

/**
 * The field signals travel with the catalog: fetched behind a catalog download, kept in IndexedDB
 * beside it, read back with it by a worker that just woke, and counted from this browser's own
 * ratings and opens where the source has none.
 */
const NOW = new Date('2026-12-03T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const catalog: ContentItem[] = [
  { id: 'alerts', title: 'Delay alerts', type: 'guide', url: 'https://v.example/alerts', summary: '', topics: [], industries: [], personas: [], stages: [] },
];
const teamSignals: FieldSignal[] = [{ contentId: 'alerts', industry: 'Logistics', persona: 'operations', useful: 4, notUseful: 0, opened: 6 }];

function connector(id: string, fieldSignals?: () => Promise<FieldSignals | null>) {
  return {
    id,
    label: 'Test source',
    listContent: vi.fn(async () => catalog),
    ...(fieldSignals ? { fieldSignals: vi.fn(fieldSignals) } : {}),
  } as unknown as Connector & { listContent: ReturnType<typeof vi.fn>; fieldSignals?: ReturnType<typeof vi.fn> };
}

/** A fresh copy of the modules that keep memory: what a worker (or side panel) that just started holds. */
async function freshModules() {
  vi.resetModules();
  return { catalog: await import('./catalog'), field: await import('./field-signals') };
}

const rating = (leadKey: string, contentId: string, useful: boolean, createdAt: string): FeedbackItem => ({
  id: crypto.randomUUID(),
  createdAt,
  lead: { key: leadKey, crm: 'salesforce', recordId: leadKey },
  source: {},
  kind: 'content_rating',
  contentId,
  useful,
});

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('field signals from the team server', () => {
  it('are fetched behind the catalog download, kept with it, and read back with it after a restart without asking again', async () => {
    let answer!: (value: FieldSignals) => void;
    const source = connector('leadside:https://leadside.acme.example/v1', () => new Promise((resolve) => (answer = resolve)));
    const first = await freshModules();
    const { items } = await first.catalog.getCatalog(source, 60);
    // The catalog did not wait for the signals: the brief ranks without them until they arrive.
    expect(source.fieldSignals).toHaveBeenCalledTimes(1);
    expect(first.catalog.fieldSignalsFor(items)).toBeUndefined();
    answer({ since: daysAgo(FIELD_WINDOW_DAYS), signals: teamSignals });
    await first.field.refreshFieldSignals(source);
    expect(first.catalog.fieldSignalsFor(items)).toEqual(teamSignals);
    expect(await db.catalogMeta.get('field-signals')).toMatchObject({ origin: 'team', sourceId: source.id, signals: teamSignals });

    const restarted = await freshModules();
    const again = await restarted.catalog.getCatalog(source, 60);
    expect(source.listContent).toHaveBeenCalledTimes(1);
    expect(source.fieldSignals).toHaveBeenCalledTimes(1);
    expect(restarted.catalog.fieldSignalsFor(again.items)).toEqual(teamSignals);
    // Another source's catalog never ranks with these.
    expect(restarted.field.fieldSignalsOf('rest:https://gateway.example/v1')).toBeUndefined();
  });

  it('reach a context that read the catalog before they were stored (the side panel) within RECHECK_MS', async () => {
    let answer!: (value: FieldSignals) => void;
    const source = connector('leadside:https://leadside.acme.example/v1', () => new Promise((resolve) => (answer = resolve)));
    const worker = await freshModules();
    await worker.catalog.getCatalog(source, 60);
    const panel = await freshModules();
    const { items } = await panel.catalog.getCatalog(source, 60);
    expect(source.listContent).toHaveBeenCalledTimes(1);
    expect(panel.catalog.fieldSignalsFor(items)).toBeUndefined();

    answer({ since: daysAgo(FIELD_WINDOW_DAYS), signals: teamSignals });
    await worker.field.refreshFieldSignals(source);
    // Looked at just now: memory answers, without reading IndexedDB on every brief.
    expect(panel.catalog.fieldSignalsFor(items)).toBeUndefined();
    expect(panel.field.fieldSignalsOf(source.id, Date.now() + panel.field.RECHECK_MS)).toBeUndefined();
    await vi.waitFor(() => expect(panel.catalog.fieldSignalsFor(items)).toEqual(teamSignals));
  });

  it('keeps the last team answer when the server fails, rather than falling back to one browser', async () => {
    const { field } = await freshModules();
    let fail = false;
    const source = connector('leadside:x', async () => {
      if (fail) throw new Error('The Leadside server (x) answered 503');
      return { since: daysAgo(FIELD_WINDOW_DAYS), signals: teamSignals };
    });
    await field.refreshFieldSignals(source);
    fail = true;
    await field.refreshFieldSignals(source);
    expect(field.fieldSignalsOf('leadside:x')).toEqual(teamSignals);
  });
});

describe("field signals from the rep's own ratings and opens", () => {
  beforeEach(async () => {
    const lead = (industry: string, title: string) => leadProfile({ industry, title });
    await db.profiles.bulkPut([
      { key: 'salesforce:L1', profile: lead('Logistics', 'Head of Dispatch'), fetchedAt: NOW.toISOString() },
      { key: 'salesforce:L2', profile: lead('Logistics', 'Operations manager'), fetchedAt: NOW.toISOString() },
      { key: 'salesforce:L3', profile: lead('Retail', 'Store manager'), fetchedAt: NOW.toISOString() },
      { key: 'salesforce:L4', profile: null, fetchedAt: NOW.toISOString() },
    ]);
    await db.feedback.bulkAdd([
      rating('salesforce:L1', 'alerts', false, daysAgo(3)),
      // The latest rating of a lead is the one that counts.
      rating('salesforce:L1', 'alerts', true, daysAgo(2)),
      rating('salesforce:L2', 'alerts', true, daysAgo(1)),
      rating('salesforce:L3', 'alerts', false, daysAgo(1)),
      rating('salesforce:L4', 'alerts', true, daysAgo(1)),
      rating('salesforce:L2', 'portal', true, daysAgo(FIELD_WINDOW_DAYS + 1)),
    ]);
    const event = (leadKey: string, contentId: string, type: 'opened' | 'suggested', at: string) => ({ id: crypto.randomUUID(), type, contentId, leadKey, at, source: {} });
    await db.contentEvents.bulkAdd([
      event('salesforce:L1', 'alerts', 'opened', daysAgo(2)),
      event('salesforce:L1', 'alerts', 'opened', daysAgo(1)),
      event('salesforce:L2', 'portal', 'suggested', daysAgo(1)),
      event('salesforce:L2', 'texts', 'opened', daysAgo(1)),
    ]);
  });

  const expected = [
    { contentId: 'alerts', industry: 'Logistics', persona: 'operations', useful: 2, notUseful: 0, opened: 1 },
    { contentId: 'alerts', industry: 'Retail', useful: 0, notUseful: 1, opened: 0 },
    { contentId: 'texts', industry: 'Logistics', persona: 'operations', useful: 0, notUseful: 0, opened: 1 },
  ];

  it('are counted as the team server counts: latest rating per lead, each lead opened once, by the cached lead’s segment', async () => {
    const { field } = await freshModules();
    expect(await field.localFieldSignals(NOW)).toEqual(expected);
  });

  it('stand in for a source without team signals, and for a gateway that answers it has none', async () => {
    const { field } = await freshModules();
    await field.refreshFieldSignals(connector('demo'), () => NOW);
    expect(field.fieldSignalsOf('demo')).toEqual(expected);
    expect(await db.catalogMeta.get('field-signals')).toMatchObject({ origin: 'local', sourceId: 'demo' });
    const gateway = connector('rest:https://gateway.example/v1', async () => null);
    await field.refreshFieldSignals(gateway, () => NOW);
    expect(gateway.fieldSignals).toHaveBeenCalled();
    expect(field.fieldSignalsOf(gateway.id)).toEqual(expected);
  });

  it('stand in when the team server fails and nothing from it is kept yet', async () => {
    const { field } = await freshModules();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await field.refreshFieldSignals(connector('leadside:y', () => Promise.reject(new Error('offline'))), () => NOW);
    expect(field.fieldSignalsOf('leadside:y')).toEqual(expected);
  });
});
