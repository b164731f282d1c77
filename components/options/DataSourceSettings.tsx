import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, type PageResponse } from '@/lib/messaging/messages';
import { SOURCE_LABELS, type DataSource } from '@/lib/schema';
import { savedSecrets, saveSecrets } from '@/lib/store/secrets';
import type { Settings } from '@/lib/store/settings';
import { draftFrom, newDraft, parseDraft, usableSecrets, type SavedSecrets } from './source-config';
import { SourceFields } from './SourceFields';
import type { SourceDraft } from './source-forms';
import { failureWords, useHostAccessSave } from './use-host-access';
import { CodedMessage } from '@/components/ui/CodedMessage';

type Kind = DataSource['kind'];
type Checks = PageResponse<'test-connection'>['checks'];
const KINDS = Object.keys(SOURCE_LABELS) as Kind[];

interface Props {
  settings: Settings;
  save(patch: Partial<Settings>): Promise<string | undefined>;
}

/**
 * Where marketing data comes from: the bundled demo, the team's Leadside server, its own REST
 * gateway, HubSpot, Mautic or imported files. Saving asks the browser for the source's one host, keeps secrets out of reach of
 * web pages, and "Test connection" checks each capability on its own.
 */
export function DataSourceSettings({ settings, save }: Props) {
  const { t, i18n } = useTranslation(['options', 'common']);
  const [kind, setKind] = useState<Kind>(settings.source.kind);
  const [draft, setDraft] = useState<SourceDraft>(() => draftFrom(settings.source));
  const [stored, setStored] = useState<SavedSecrets>({ values: {} });
  const [status, setStatus] = useState('');
  const [checks, setChecks] = useState<Checks>();
  const [testing, setTesting] = useState(false);
  const { pending: saving, run: saveWithHost } = useHostAccessSave();

  useEffect(() => void savedSecrets(kind).then(setStored), [kind]);
  // What is saved counts only for the address it was entered for: a new host asks for it again.
  const { values: saved, enteredFor } = usableSecrets(kind, draft, stored);
  const change = (name: string, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const choose = (next: Kind) => {
    setKind(next);
    setDraft(next === settings.source.kind ? draftFrom(settings.source) : newDraft(next));
    setChecks(undefined);
    setStatus('');
  };

  const connect = () => {
    const parsed = parseDraft(kind, draft, stored, t);
    if (!parsed.ok) return setStatus(t('common:notSaved', { error: parsed.error }));
    setStatus('');
    void saveWithHost(parsed.baseUrl ? new URL(parsed.baseUrl).host : undefined, async () => {
      if (Object.keys(parsed.secrets).length && parsed.baseUrl) await saveSecrets(kind, parsed.baseUrl, parsed.secrets);
      const error = await save({ source: parsed.source });
      if (error) return error;
      if (parsed.baseUrl) setStored({ values: parsed.secrets, origin: new URL(parsed.baseUrl).origin });
      setDraft((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !(name in parsed.secrets))));
      // Saved by now: a worker that does not answer leaves the new source for its next start.
      await request({ type: 'source-changed' }).catch(() => undefined);
      return undefined;
    }).then((error) => setStatus(error ? t('common:notSaved', { error }) : t('source.connected', { source: t(`sourceKind.${kind}`) })));
  };

  const test = async () => {
    setTesting(true);
    setChecks(undefined);
    try {
      setChecks((await request({ type: 'test-connection' })).checks);
    } catch (error) {
      setStatus(t('source.testFailed', { error: failureWords(error, i18n) }));
    } finally {
      setTesting(false);
    }
  };

  const active = settings.source.kind === kind;
  return (
    <section className="card section" aria-labelledby="source-title" data-testid="data-source">
      <h2 id="source-title">{t('source.title')}</h2>
      <fieldset className="plain-fieldset row" role="radiogroup" aria-label={t('source.picker')}>
        {KINDS.map((option) => (
          <label key={option} className="row">
            <input type="radio" name="source" value={option} checked={kind === option} onChange={() => choose(option)} />
            {t(`sourceKind.${option}`)}
          </label>
        ))}
      </fieldset>

      <SourceFields kind={kind} draft={draft} saved={saved} enteredFor={enteredFor} onChange={change} />

      <div className="row">
        {(!active || kind !== 'demo') && (
          <button type="button" className="btn btn-primary" onClick={connect} disabled={saving}>
            {saving ? t('status.saving') : active ? t('common:save') : t('source.use')}
          </button>
        )}
        <button type="button" className="btn" onClick={() => void test()} disabled={!active || testing} data-testid="test-connection">
          {testing ? t('source.testing') : t('source.test')}
        </button>
        <span role="status" aria-live="polite" className="small" data-testid="source-status">
          {status}
        </span>
      </div>
      {checks && (
        <ul className="plain-list" data-testid="connection-checks">
          {checks.map((check, index) => (
            // Index keys: with systems read beside the main one, a capability is checked once per system.
            <li key={index} className="row small">
              <span className={check.ok ? 'badge badge-good' : 'badge badge-danger'}>{check.ok ? '✓' : '✗'} {t(`source.capability.${check.capability}`)}</span>
              <CodedMessage coded={check.coded} fallback={check.message} testId="check-message" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
