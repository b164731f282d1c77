import type { Brief } from '@/lib/schema';
import type { DetectedRecord } from '@/lib/schema/record';

/**
 * The brief of a company's or a deal's record, built alike in the worker and in the side panel: no
 * lead is looked up for it (a source asked with its id could even answer with a person who shares
 * the number), and the panel says what the record is and where the person's brief is.
 */
export function notAPersonBrief(record: DetectedRecord): Brief | undefined {
  return record.nonPerson ? { state: 'not-a-person', record } : undefined;
}
