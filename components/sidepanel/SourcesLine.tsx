import type { SystemAnswer } from '@/lib/schema';
import { useTranslation } from 'react-i18next';
import { CodedMessage, systemName } from '@/components/ui/CodedMessage';
import { usePanelWords } from './use-panel-words';


/**
 * Which marketing systems the brief comes from, and, when several are read, what each one that adds
 * nothing said: it does not know the lead, or it could not be asked (so the rep knows the brief may
 * be missing that system's part).
 */
export function SourcesLine({ from, systems }: { from: readonly string[]; systems?: readonly SystemAnswer[] }) {
  const { t, locale } = usePanelWords();
  const { i18n } = useTranslation();
  const named = (name: string) => systemName(i18n, name);
  const silent = systems?.filter((system) => !system.found) ?? [];
  // "and"-joined names, the way the rep would say them ("HubSpot and Mautic", "HubSpot und Mautic").
  const joined = new Intl.ListFormat(locale, { type: 'conjunction' }).format(from.map(named));
  if (from.length === 0 && silent.length === 0) return null;
  return (
    <div className="small muted stack" data-testid="brief-sources">
      {from.length > 0 && <p data-testid="brief-from">{t('sources.from', { systems: joined })}</p>}
      {silent.map((system) => (
        <p key={system.name} data-testid="system-note" className={system.error ? 'notice notice-warn' : undefined} role={system.error ? 'status' : undefined}>
          {system.error ? (
            <>
              {t('sources.couldNotRead', { system: named(system.name) })} <CodedMessage coded={system.errorCoded} fallback={system.error} />
            </>
          ) : (
            t('sources.notIn', { system: named(system.name) })
          )}
        </p>
      ))}
    </div>
  );
}
