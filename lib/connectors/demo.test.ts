import { describe, expect, it } from 'vitest';
import leads from '@/public/demo/leads.json';
import content from '@/public/demo/content.json';
import { createDemoConnector, type DemoFile } from './demo';
import { ConnectorError } from './types';

const bundled = (file: DemoFile) => Promise.resolve(file === 'leads' ? leads : content);
const signal = new AbortController().signal;

describe('demo connector', () => {
  const connector = createDemoConnector(bundled);

  it('finds a lead by its CRM record id', async () => {
    const lead = await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000XyZ1aEAF' }, signal);
    expect(lead?.email).toBe('priya.raman@ledgerly.io');
  });

  it('falls back to the e-mail, ignoring case, when marketing does not know the record id', async () => {
    const lead = await connector.findProfile({ crm: 'pipedrive', recordId: '991', email: 'Sofia.Lindqvist@Nordvik.se' }, signal);
    expect(lead?.name).toBe('Sofia Lindqvist');
  });

  it('answers null for a person marketing does not know', async () => {
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000NoMaTCH9', email: 'jordan.blake@unknown-co.example' }, signal)).toBeNull();
    expect(await connector.findProfile({ crm: 'salesforce', recordId: '00Q8d00000NoEmaiL1' }, signal)).toBeNull();
  });

  it('lists the catalog', async () => {
    const items = await connector.listContent(signal);
    expect(items.length).toBeGreaterThanOrEqual(30);
  });

  it('reports a malformed dataset with what did not validate, and retries the read next time', async () => {
    let calls = 0;
    const broken = createDemoConnector(async (file) => {
      calls++;
      return file === 'leads' ? { label: 'x', leads: [{ id: 'l1', source: { channel: 'fax' } }] } : content;
    });
    const failure = await broken.findProfile({ crm: 'salesforce', recordId: 'x' }, signal).catch((error) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure.kind).toBe('malformed');
    expect(failure.message).toContain('leads.0.source.channel');
    await broken.findProfile({ crm: 'salesforce', recordId: 'x' }, signal).catch(() => undefined);
    expect(calls).toBe(2);
  });
});
