import { useTranslation } from 'react-i18next';
import type { DataSource } from '@/lib/schema';
import { FileImport } from './FileImport';
import { Field, MauticFieldMapping, SecretField, type SourceDraft } from './source-forms';

interface Props {
  kind: DataSource['kind'];
  draft: SourceDraft;
  /** The saved secrets this draft may use (source-config.ts usableSecrets): a saved one is not asked again. */
  saved: Record<string, string>;
  /** The host the saved secrets were entered for, when the draft's address is another one. */
  enteredFor?: string;
  onChange(name: string, value: string): void;
}

/**
 * The form fields of one kind of marketing source, for the main source and for the systems read
 * beside it alike: the address, the secret (never shown again once saved), and the kind's own
 * settings.
 */
export function SourceFields({ kind, draft, saved, enteredFor, onChange: change }: Props) {
  const { t } = useTranslation(['options', 'common']);
  return (
    <>
      {kind === 'demo' && <p className="small muted">{t('fields.demoAbout')}</p>}
      {kind === 'leadside' && (
        <ServiceFields
          about={t('fields.leadsideAbout')}
          urlField="serverUrl"
          urlLabel={t('fields.leadsideUrl')}
          urlPlaceholder="https://leadside.example.com"
          saved={Boolean(saved.token)}
          draft={draft}
          onChange={change}
        />
      )}
      {kind === 'rest' && (
        <ServiceFields
          about={t('fields.restAbout')}
          urlField="baseUrl"
          urlLabel={t('fields.restUrl')}
          urlPlaceholder="https://leadside-gateway.example.com/v1"
          saved={Boolean(saved.token)}
          draft={draft}
          onChange={change}
        />
      )}
      {kind === 'hubspot' && (
        <div className="stack">
          <SecretField name="token" label={t('fields.hubspotToken')} saved={Boolean(saved.token)} draft={draft} onChange={change} hint={t('fields.hubspotScopes')} />
          <Field name="problem" label={t('fields.hubspotProblem')} placeholder="message" draft={draft} onChange={change} />
          <Field name="preferredChannel" label={t('fields.hubspotChannel')} draft={draft} onChange={change} />
          <Field name="bestTime" label={t('fields.hubspotBestTime')} draft={draft} onChange={change} />
          <Field name="timeZone" label={t('fields.hubspotTimeZone')} placeholder="hs_timezone" draft={draft} onChange={change} />
          <Field name="salesforceId" label={t('fields.hubspotSalesforceId')} placeholder="salesforceleadid" draft={draft} onChange={change} />
          <Field name="score" label={t('fields.hubspotScore')} placeholder="hubspotscore" draft={draft} onChange={change} />
          <Field name="contentTableId" label={t('fields.hubspotContentTable')} draft={draft} onChange={change} />
        </div>
      )}
      {kind === 'mautic' && (
        <div className="stack">
          <Field name="baseUrl" label={t('fields.mauticUrl')} type="url" placeholder="https://mautic.example.com" draft={draft} onChange={change} />
          <fieldset className="plain-fieldset row" aria-label={t('fields.mauticSignIn')}>
            <label className="row">
              <input type="radio" name="mautic-auth" checked={(draft.method ?? 'basic') === 'basic'} onChange={() => change('method', 'basic')} /> {t('fields.mauticBasic')}
            </label>
            <label className="row">
              <input type="radio" name="mautic-auth" checked={draft.method === 'oauth2'} onChange={() => change('method', 'oauth2')} /> {t('fields.mauticOauth')}
            </label>
          </fieldset>
          {(draft.method ?? 'basic') === 'basic' ? (
            <>
              <Field name="username" label={t('fields.mauticUser')} draft={draft} onChange={change} />
              <SecretField name="password" label={t('fields.password')} saved={Boolean(saved.password)} draft={draft} onChange={change} />
            </>
          ) : (
            <>
              <Field name="clientId" label={t('fields.clientId')} draft={draft} onChange={change} />
              <SecretField name="clientSecret" label={t('fields.clientSecret')} saved={Boolean(saved.clientSecret)} draft={draft} onChange={change} />
            </>
          )}
          <MauticFieldMapping draft={draft} onChange={change} />
        </div>
      )}
      {enteredFor && (
        <p className="small" role="note" data-testid="secret-reask">
          {t('fields.reask', { host: enteredFor })}
        </p>
      )}
      {kind === 'file' && <FileImport />}
      {(kind === 'leadside' || kind === 'rest' || kind === 'hubspot' || kind === 'mautic') && (
        <Field name="timeoutSeconds" label={t('fields.timeout')} type="number" placeholder="8" draft={draft} onChange={change} />
      )}
    </>
  );
}

interface ServiceFieldsProps {
  about: string;
  urlField: string;
  urlLabel: string;
  urlPlaceholder: string;
  saved: boolean;
  draft: SourceDraft;
  onChange(name: string, value: string): void;
}

/** An https address and a bearer token: the Leadside server and a team's REST gateway ask for the same two things. */
function ServiceFields({ about, urlField, urlLabel, urlPlaceholder, saved, draft, onChange }: ServiceFieldsProps) {
  const { t } = useTranslation(['options', 'common']);
  return (
    <div className="stack">
      <p className="small muted">{about}</p>
      <Field name={urlField} label={urlLabel} type="url" placeholder={urlPlaceholder} draft={draft} onChange={onChange} />
      <SecretField name="token" label={t('fields.accessToken')} saved={saved} draft={draft} onChange={onChange} />
    </div>
  );
}
