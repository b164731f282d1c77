import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { request } from '@/lib/messaging/messages';
import { EXTRA_SOURCE_KINDS, ExtraSourceSchema, takesExtraSources, type ExtraSource } from '@/lib/schema';
import { deleteSecrets, savedSecrets, saveSecrets } from '@/lib/store/secrets';
import type { Settings } from '@/lib/store/settings';
import { newDraft, parseDraft, usableSecrets, type SavedSecrets } from './source-config';
import type { SourceDraft } from './source-forms';
import { SourceFields } from './SourceFields';
import { failureWords, useHostAccessSave } from './use-host-access';

type Kind = ExtraSource['kind'];

interface Props {
  settings: Settings;
  save(patch: Partial<Settings>): Promise<string | undefined>;
}

/**
 * Systems read beside the main source (HubSpot beside Mautic, a form tool's export beside marketing
 * automation): each lead gets one brief merging what they know. The main source still receives every
 * verdict and content event, so nothing is sent twice.
 */
export function ExtraSourcesSettings({ settings, save }: Props) {
  const { t, i18n } = useTranslation(['options', 'common']);
  const name = (kind: Kind) => t(`sourceKind.${kind}`);
  const taken = new Set<string>([settings.source.kind, ...settings.alsoFrom.map((extra) => extra.kind)]);
  const addable = EXTRA_SOURCE_KINDS.filter((kind) => !taken.has(kind));
  const [kind, setKind] = useState<Kind | ''>('');
  const [draft, setDraft] = useState<SourceDraft>({});
  const [stored, setStored] = useState<SavedSecrets>({ values: {} });
  const [status, setStatus] = useState('');
  const { pending: adding, run: saveWithHost } = useHostAccessSave();

  useEffect(() => void (kind ? savedSecrets(kind).then(setStored) : setStored({ values: {} })), [kind]);
  if (!takesExtraSources(settings.source)) return null;

  const { values: saved, enteredFor } = kind ? usableSecrets(kind, draft, stored) : { values: {}, enteredFor: undefined };
  const change = (name: string, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const choose = (next: Kind | '') => {
    setKind(next);
    setDraft(next ? newDraft(next) : {});
    setStatus('');
  };

  const add = () => {
    if (!kind) return;
    const parsed = parseDraft(kind, draft, stored, t);
    if (!parsed.ok) return setStatus(t('status.notAdded', { error: parsed.error }));
    const extra = ExtraSourceSchema.parse(parsed.source);
    setStatus('');
    void saveWithHost(parsed.baseUrl ? new URL(parsed.baseUrl).host : undefined, async () => {
      if (Object.keys(parsed.secrets).length && parsed.baseUrl) await saveSecrets(kind, parsed.baseUrl, parsed.secrets);
      const error = await save({ alsoFrom: [...settings.alsoFrom, extra] });
      if (error) return error;
      // Saved by now: a worker that does not answer reads the new source on its next start.
      await request({ type: 'source-changed' }).catch(() => undefined);
      choose('');
      return undefined;
    }).then((error) => setStatus(error ? t('status.notAdded', { error }) : t('extra.added', { source: name(kind) })));
  };

  const remove = async (extra: ExtraSource) => {
    try {
      const error = await save({ alsoFrom: settings.alsoFrom.filter((other) => other !== extra) });
      if (error) return setStatus(t('status.notRemoved', { error }));
      // Its secrets serve nothing once it is gone; the main source's are kept under its own kind.
      await deleteSecrets(extra.kind);
      await request({ type: 'source-changed' }).catch(() => undefined);
      setStatus(t('extra.removed', { source: name(extra.kind) }));
    } catch (error) {
      setStatus(t('status.notRemoved', { error: failureWords(error, i18n) }));
    }
  };

  return (
    <section className="card section" aria-labelledby="extra-sources-title" data-testid="extra-sources">
      <h2 id="extra-sources-title">{t('extra.title')}</h2>
      <p className="small muted">{t('extra.intro')}</p>
      {settings.alsoFrom.length > 0 && (
        <ul className="plain-list" data-testid="extra-source-list">
          {settings.alsoFrom.map((extra) => (
            <li key={extra.kind} className="row spread" data-testid="extra-source" data-kind={extra.kind}>
              <span>
                {name(extra.kind)} <span className="small muted" translate={extra.kind === 'file' ? undefined : 'no'}>{describe(extra, t)}</span>
                {extra.kind === settings.source.kind && <span className="small">{t('extra.mainNow')}</span>}
              </span>
              <button type="button" className="btn" onClick={() => void remove(extra)}>
                {t('extra.remove', { source: name(extra.kind) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {addable.length > 0 && (
        <div className="stack">
          <label className="stack">
            <span>{t('extra.addLabel')}</span>
            <select value={kind} onChange={(event) => choose(event.target.value as Kind | '')} data-testid="extra-source-kind">
              <option value="">{t('extra.choose')}</option>
              {addable.map((option) => (
                <option key={option} value={option}>
                  {name(option)}
                </option>
              ))}
            </select>
          </label>
          {kind && (
            <>
              <SourceFields kind={kind} draft={draft} saved={saved} enteredFor={enteredFor} onChange={change} />
              <div className="row">
                <button type="button" className="btn btn-primary" onClick={add} disabled={adding}>
                  {adding ? t('status.adding') : t('extra.add', { source: name(kind) })}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="small" data-testid="extra-source-status">
        {status}
      </p>
    </section>
  );
}

/** Where an extra source reads from, for the list. */
function describe(extra: ExtraSource, t: TFunction<'options'>): string {
  switch (extra.kind) {
    case 'hubspot':
      return new URL(extra.apiBase).host;
    case 'mautic':
    case 'rest':
      return new URL(extra.baseUrl).host;
    case 'file':
      return t('extra.fileWhere');
  }
}
