import { z } from 'zod';
import { ContentItemSchema, LeadProfileSchema, summarizeZodError, type LeadProfile } from '@/lib/schema';
import { connectorText } from './message-codes';
import { ConnectorError, type Connector, type LookupQuery } from './types';

export const DemoLeadsFileSchema = z.object({ label: z.string(), leads: z.array(LeadProfileSchema) });
export const DemoContentFileSchema = z.object({ label: z.string(), items: z.array(ContentItemSchema) });

export type DemoFile = 'leads' | 'content';

/**
 * The bundled demo marketing system: fictional leads and content, so the whole loop works on a fresh
 * install with no account anywhere. Looks leads up the way real connectors do: by the CRM record id
 * when marketing knows it, else by e-mail. `load` reads one file of the dataset (public/demo/): the
 * extension fetches its bundled copy, the server reads it from disk.
 */
export function createDemoConnector(load: (file: DemoFile) => Promise<unknown>): Connector {
  let leads: Promise<LeadProfile[]> | undefined;
  const loadLeads = () =>
    (leads ??= load('leads').then((raw) => parseFile(DemoLeadsFileSchema, raw, 'leads').leads)).catch((error) => {
      leads = undefined; // a failed read is retried next time, not remembered
      throw error;
    });

  return {
    id: 'demo',
    label: 'Demo data',
    async findProfile(query: LookupQuery) {
      const all = await loadLeads();
      const email = query.email?.toLowerCase();
      return (
        all.find((lead) => lead.crmIds[query.crm] === query.recordId) ??
        (email ? all.find((lead) => lead.email?.toLowerCase() === email) : undefined) ??
        null
      );
    },
    async getProfile(id: string) {
      return (await loadLeads()).find((lead) => lead.id === id) ?? null;
    },
    async searchProfiles(text: string) {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      return (await loadLeads())
        .filter((lead) => {
          const haystack = [lead.name, lead.email, lead.company].join(' ').toLowerCase();
          return words.every((word) => haystack.includes(word));
        })
        .slice(0, 20)
        .map(({ id, name, email, company }) => ({ id, name, email, company }));
    },
    async listContent() {
      return parseFile(DemoContentFileSchema, await load('content'), 'content').items;
    },
    // The demo has no marketing system behind it: feedback stays in this browser (and in Insights).
    async deliver(entries) {
      return entries.map((entry) => ({ id: entry.id, outcome: 'unsupported' as const }));
    },
    async testConnection() {
      const [leadCount, itemCount] = await Promise.all([loadLeads().then((all) => all.length), this.listContent(new AbortController().signal).then((all) => all.length)]);
      return [
        { capability: 'auth' as const, ok: true, message: 'No account needed: the demo data ships with Leadside.', coded: connectorText('demo.check.auth', {}) },
        { capability: 'lookup' as const, ok: true, message: `${leadCount} demo leads`, coded: connectorText('demo.check.lookup', { count: leadCount }) },
        { capability: 'content' as const, ok: true, message: `${itemCount} demo content items`, coded: connectorText('demo.check.content', { count: itemCount }) },
        { capability: 'write' as const, ok: true, message: 'Feedback stays in this browser; nothing is sent.', coded: connectorText('local.check.write', {}) },
      ];
    },
  };
}

function parseFile<T>(schema: z.ZodType<T>, raw: unknown, file: DemoFile): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const summary = summarizeZodError(parsed.error);
    throw new ConnectorError('malformed', `Demo ${file} file did not validate: ${summary}`, undefined, undefined, connectorText('demo.invalidFile', { file }, summary));
  }
  return parsed.data;
}
