import type { z } from 'zod';
import { ContentEventSchema, FeedbackItemSchema, type ContentEvent, type FeedbackItem } from '@/lib/schema';
import type { OutboxEntry } from '@/lib/connectors/types';
import { pick as pickWith } from '@/test/bench/random';

/** What a simulated rep sends, and the bytes the server must store for it. */
export interface SampleItem {
  entry: OutboxEntry;
  /** JSON.stringify of the item as the contract's zod schema parses it (defaults filled in). */
  expectedPayload: string;
}

/**
 * Text that a careless store would change: quotes, backslashes, a NUL-free control character, accents,
 * an emoji (a surrogate pair), right-to-left script and a line break. Byte-for-byte checks catch any
 * re-encoding of these.
 */
const AWKWARD_TEXT = ['Need the "ROI" deck \\ pricing', 'Ça marche? Größe → 10 000 €', 'Case study 📈 for fintech\nplease', 'שאלה: SOC 2\ttype II?'];
const CHANNELS = ['paid_search', 'organic_search', 'email', 'webinar', 'event', undefined] as const;
const VERDICTS = ['good_fit', 'demo_booked', 'not_ready', 'not_a_fit', 'bad_data'] as const;
const EVENT_TYPES = ['suggested', 'opened', 'link_copied'] as const;

/**
 * `count` valid items for one rep, a mix of every feedback kind and content events, each with its own
 * random UUID (the idempotency id). Optional fields are sometimes left out so the schema's defaults
 * (`reasons: []`, `source: {}`) are part of what must be stored.
 */
export function sampleItems(rep: number, count: number, random: () => number): SampleItem[] {
  const pick = <T>(values: readonly T[]): T => pickWith(random, values);
  const items: SampleItem[] = [];
  for (let index = 0; index < count; index++) {
    const id = crypto.randomUUID();
    const lead = 1000 + Math.floor(random() * 300);
    const at = new Date(Date.UTC(2026, 10, 1 + Math.floor(random() * 28), Math.floor(random() * 24), Math.floor(random() * 60))).toISOString();
    const channel = pick(CHANNELS);
    const source = channel ? { channel, campaign: random() < 0.5 ? `q4-${channel}` : undefined } : {};
    if (random() < 0.6) {
      const raw: unknown = {
        id,
        type: pick(EVENT_TYPES),
        contentId: `content-${Math.floor(random() * 40)}`,
        at,
        ...(random() < 0.8 ? { leadKey: `salesforce:00Q${lead}` } : {}),
        ...(random() < 0.7 ? { source } : {}),
      };
      const item: ContentEvent = ContentEventSchema.parse(raw);
      items.push({ entry: { kind: 'event', id, item, attempts: 0, unclear: false }, expectedPayload: expectedPayload(ContentEventSchema, item) });
    } else {
      const common = {
        id,
        createdAt: at,
        lead: { key: `salesforce:00Q${lead}`, crm: 'salesforce', recordId: `00Q${lead}`, email: `lead${lead}@example.com`, name: `Lead ${lead}` },
        source,
        rep: `rep${rep}@fault.leadside.example`,
      };
      const kind = pick(['verdict', 'content_rating', 'content_request', 'prospect_question'] as const);
      const payload =
        kind === 'verdict'
          ? { kind, verdict: pick(VERDICTS), ...(random() < 0.5 ? { reasons: ['Timing', 'Clear need'], note: pick(AWKWARD_TEXT) } : {}) }
          : kind === 'content_rating'
            ? { kind, contentId: `content-${Math.floor(random() * 40)}`, useful: random() < 0.5 }
            : { kind, text: pick(AWKWARD_TEXT) };
      const item: FeedbackItem = FeedbackItemSchema.parse({ ...common, ...payload });
      items.push({ entry: { kind: 'feedback', id, item, attempts: 0, unclear: false }, expectedPayload: expectedPayload(FeedbackItemSchema, item) });
    }
  }
  return items;
}

/** The item as it travels (JSON), parsed by the contract's schema the way the server parses it, as JSON. */
function expectedPayload(schema: z.ZodType, item: unknown): string {
  return JSON.stringify(schema.parse(JSON.parse(JSON.stringify(item))));
}
