import { performance } from 'node:perf_hooks';
import contentFile from '@/public/demo/content.json';
import leadsFile from '@/public/demo/leads.json';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { ContentItem } from '@/lib/schema';
import type { FieldSignal } from '@/lib/schema/rest-api';
import { segmentOf } from '@/lib/suggest/field';
import { suggestContent, type RankOptions } from '@/lib/suggest/rank';
import { pick, seededRandom } from './random';
import { summarize, type Summary } from './stats';

/**
 * A catalog of `size` items made from the demo catalog's vocabulary with a seeded generator, so the
 * ranking sees realistic topics, industries and personas at scale.
 */
export function generateCatalog(size: number, seed = 42): ContentItem[] {
  const base = DemoContentFileSchema.parse(contentFile).items;
  const random = seededRandom(seed);
  const topics = [...new Set(base.flatMap((item) => item.topics))];
  return Array.from({ length: size }, (_, index) => {
    const template = pick(random, base);
    const itemTopics = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, topics));
    return {
      ...template,
      id: `gen-${index}`,
      title: `${template.title} (${itemTopics[0]}) #${index}`,
      url: `https://www.keyline.example/resources/generated-${index}`,
      topics: itemTopics,
    };
  });
}

/**
 * What a busy team's server would answer for `catalog` (GET /v1/field-signals): for each segment of
 * the demo leads (industry and persona), ratings and opens on `perSegment` of the items, seeded.
 * Within the contract's MAX_FIELD_SIGNALS for a 500-item catalog (about 4,000).
 */
export function generateFieldSignals(catalog: readonly ContentItem[], perSegment = Math.ceil(catalog.length / 4), seed = 7): FieldSignal[] {
  const random = seededRandom(seed);
  const segments = new Map(
    DemoLeadsFileSchema.parse(leadsFile).leads.map((lead) => {
      const segment = segmentOf(lead);
      return [`${segment.industry}\n${segment.persona}`, segment] as const;
    }),
  );
  return [...segments.values()].flatMap((segment) =>
    Array.from({ length: perSegment }, () => ({
      contentId: pick(random, catalog).id,
      ...(segment.industry ? { industry: segment.industry } : {}),
      ...(segment.persona ? { persona: segment.persona.toLowerCase() } : {}),
      useful: Math.floor(random() * 6),
      notUseful: Math.floor(random() * 3),
      opened: Math.floor(random() * 12),
    })),
  );
}

/**
 * Suggestions for one lead against a catalog: p50/p95 over every demo lead once the code is warm,
 * and apart from it the first call of a fresh worker (index build and JIT warm-up), which a rep pays
 * after the browser has stopped an idle service worker. `options` as the brief passes them (the
 * team's field signals).
 */
export function measureRanking(
  catalogSize: number,
  rounds = 5,
  options: (catalog: ContentItem[]) => RankOptions = () => ({}),
): Summary & { catalogSize: number; coldFirstCall: number; fieldSignals: number; cpu: Summary } {
  const catalog = generateCatalog(catalogSize);
  const rankOptions = options(catalog);
  const leads = DemoLeadsFileSchema.parse(leadsFile).leads;
  const coldStart = performance.now();
  suggestContent(leads[0]!, catalog, 3, rankOptions);
  const coldFirstCall = performance.now() - coldStart;
  for (const lead of leads) suggestContent(lead, catalog, 3, rankOptions); // warm-up round, not measured
  const samples: number[] = [];
  // CPU time beside wall time: on a machine other work keeps busy, a call's wall time includes its waits for a core.
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const lead of leads) {
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      suggestContent(lead, catalog, 3, rankOptions);
      samples.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { ...summarize(samples), catalogSize, coldFirstCall, fieldSignals: rankOptions.field?.length ?? 0, cpu: summarize(cpu) };
}
