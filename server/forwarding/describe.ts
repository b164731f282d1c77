import type { ForwardRow } from '../db/queries/forwards';
import type { DrainReport } from './drain';

export const describeDrain = (report: DrainReport) =>
  `${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed${report.superseded ? `, ${report.superseded} settled by another worker` : ''}`;

const TARGET_LABELS = { vendor: 'marketing system', slack: 'Slack' } as const;

/** One line per forward for the CLI: what, where, how it stands and why. */
export function describeForward(row: ForwardRow): string {
  const when = row.state === 'pending' ? `next attempt ${row.nextAttemptAt.toISOString()}` : `since ${row.settledAt?.toISOString() ?? '?'}`;
  return [
    row.deliveryId,
    TARGET_LABELS[row.target],
    row.state,
    `${row.attempts} attempt${row.attempts === 1 ? '' : 's'}${row.unclear ? ' (last one unanswered: searched before resending)' : ''}`,
    when,
    row.lastError ?? '-',
  ].join('\t');
}
