import type { DataGap } from '@/lib/schema';
import { CodedMessage } from '@/components/ui/CodedMessage';
import { usePanelWords } from './use-panel-words';

/**
 * What the source could not read this time, said quietly under what it did read ("Per-page history
 * needs HubSpot’s web-analytics scope or Enterprise; …"), so a partial brief never passes for a
 * complete one. Each gap reads as one sentence: what, then why.
 */
export function GapsNote({ gaps }: { gaps: readonly DataGap[] | undefined }) {
  const { t } = usePanelWords();
  if (!gaps?.length) return null;
  return (
    <ul className="plain-list small muted" role="note" aria-label={t('sources.gapsLabel')} data-testid="data-gaps">
      {gaps.map((gap) => (
        <li key={`${gap.what}\n${gap.why}`} data-testid="data-gap">
          <CodedMessage coded={gap.coded} fallback={`${gap.what} ${gap.why}`} />
        </li>
      ))}
    </ul>
  );
}
