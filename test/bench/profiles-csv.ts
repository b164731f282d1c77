/**
 * A seeded profiles CSV in the File import's documented columns (docs/file-import.md), for the
 * import-rate benchmark: values from the demo leads' vocabulary, including quoted cells with commas
 * and doubled quotes, every row valid and every id new.
 */
import leadsFile from '@/public/demo/leads.json';
import type { LeadProfile } from '@/lib/schema';
import { pick, seededRandom } from './random';

const TEMPLATES = (leadsFile as unknown as { leads: LeadProfile[] }).leads;

export const PROFILES_CSV_HEADER = [
  'id',
  'email',
  'name',
  'company',
  'title',
  'industry',
  'persona',
  'salesforce_id',
  'hubspot_id',
  'channel',
  'campaign',
  'utm_source',
  'utm_medium',
  'first_page',
  'first_seen',
  'problem_text',
  'problem_date',
  'time_zone',
  'do_not_call',
  'score',
  'stage',
] as const;

/** `rows` profile rows after the header, the same for the same seed. */
export function generateProfilesCsv(rows: number, seed = 7): string {
  const random = seededRandom(seed);
  const lines: string[] = [PROFILES_CSV_HEADER.join(',')];
  const start = Date.UTC(2026, 5, 1);
  for (let index = 0; index < rows; index++) {
    const template = pick(random, TEMPLATES);
    // Whole seconds, as the documented example and most exports write them.
    const firstSeen = new Date(start + Math.floor(random() * 150 * 86_400) * 1_000);
    const problem = random() < 0.6 ? template.problems[0] : undefined;
    const cells: Record<(typeof PROFILES_CSV_HEADER)[number], string | undefined> = {
      id: `csv-lead-${index}`,
      email: `lead${index}@company${index % 5_000}.example`,
      name: `First${index} Last${index}`,
      company: `Company ${index % 5_000}`,
      title: template.title,
      industry: template.industry,
      persona: template.persona,
      salesforce_id: `00QCs${String(index).padStart(13, '0')}`,
      hubspot_id: String(700_000 + index),
      channel: template.source.channel,
      campaign: template.source.campaign,
      utm_source: template.source.utm?.source,
      utm_medium: template.source.utm?.medium,
      first_page: template.source.firstPage,
      first_seen: firstSeen.toISOString().replace('.000', ''),
      problem_text: problem && `${problem.text} (${index})`,
      problem_date: problem && new Date(firstSeen.getTime() + 86_400_000).toISOString().replace('.000', ''),
      time_zone: template.contact?.timeZone,
      do_not_call: random() < 0.1 ? 'yes' : 'no',
      score: String(Math.floor(random() * 100)),
      stage: template.stage,
    };
    lines.push(PROFILES_CSV_HEADER.map((column) => csvCell(cells[column])).join(','));
  }
  return lines.join('\n');
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
