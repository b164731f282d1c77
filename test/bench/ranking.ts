import { performance } from 'node:perf_hooks';
import contentFile from '@/public/demo/content.json';
import leadsFile from '@/public/demo/leads.json';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '@/lib/connectors/demo';
import type { ContentItem } from '@/lib/schema';
import { suggestContent } from '@/lib/suggest/rank';
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
 * Suggestions for one lead against a catalog: p50/p95 over every demo lead once the code is warm,
 * and apart from it the first call of a fresh worker (index build and JIT warm-up), which a rep pays
 * after the browser has stopped an idle service worker.
 */
export function measureRanking(catalogSize: number, rounds = 5): Summary & { catalogSize: number; coldFirstCall: number } {
  const catalog = generateCatalog(catalogSize);
  const leads = DemoLeadsFileSchema.parse(leadsFile).leads;
  const coldStart = performance.now();
  suggestContent(leads[0]!, catalog);
  const coldFirstCall = performance.now() - coldStart;
  for (const lead of leads) suggestContent(lead, catalog); // warm-up round, not measured
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const lead of leads) {
      const started = performance.now();
      suggestContent(lead, catalog);
      samples.push(performance.now() - started);
    }
  }
  return { ...summarize(samples), catalogSize, coldFirstCall };
}
