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
  return (
    <>
      {kind === 'demo' && <p className="small muted">Fictional leads and content bundled with Leadside, to try the whole loop. Feedback stays in this browser.</p>}
      {kind === 'leadside' && (
        <ServiceFields
          about="Your team's Leadside server: every rep's feedback and content use in one place, the same catalog for everyone, and the team's numbers in Insights. Ask your admin for the address and your own access token."
          urlField="serverUrl"
          urlLabel="Leadside server URL"
          urlPlaceholder="https://leadside.example.com"
          saved={Boolean(saved.token)}
          draft={draft}
          onChange={change}
        />
      )}
      {kind === 'rest' && (
        <ServiceFields
          about="Your team's own service in front of its marketing data (vendor secrets stay on your server). Contract: docs/api/openapi.json."
          urlField="baseUrl"
          urlLabel="Gateway base URL"
          urlPlaceholder="https://leadside-gateway.example.com/v1"
          saved={Boolean(saved.token)}
          draft={draft}
          onChange={change}
        />
      )}
      {kind === 'hubspot' && (
        <div className="stack">
          <SecretField name="token" label="Private app access token" saved={Boolean(saved.token)} draft={draft} onChange={change} hint="Scopes: crm.objects.contacts.read, crm.objects.contacts.write (notes), and hubdb for the content table." />
          <Field name="problem" label="Property with the problem they stated" placeholder="message" draft={draft} onChange={change} />
          <Field name="preferredChannel" label="Property with their preferred channel" draft={draft} onChange={change} />
          <Field name="bestTime" label="Property with their best time to call (their words, e.g. Mon/Wed mornings, before 11 ET)" draft={draft} onChange={change} />
          <Field name="timeZone" label="Time zone property" placeholder="hs_timezone" draft={draft} onChange={change} />
          <Field name="salesforceId" label="Salesforce id property (HubSpot–Salesforce sync)" placeholder="salesforceleadid" draft={draft} onChange={change} />
          <Field name="contentTableId" label="HubDB table with sales content (optional)" draft={draft} onChange={change} />
        </div>
      )}
      {kind === 'mautic' && (
        <div className="stack">
          <Field name="baseUrl" label="Mautic URL" type="url" placeholder="https://mautic.example.com" draft={draft} onChange={change} />
          <fieldset className="plain-fieldset row" aria-label="Mautic sign-in">
            <label className="row">
              <input type="radio" name="mautic-auth" checked={(draft.method ?? 'basic') === 'basic'} onChange={() => change('method', 'basic')} /> User and password
            </label>
            <label className="row">
              <input type="radio" name="mautic-auth" checked={draft.method === 'oauth2'} onChange={() => change('method', 'oauth2')} /> OAuth2 client
            </label>
          </fieldset>
          {(draft.method ?? 'basic') === 'basic' ? (
            <>
              <Field name="username" label="Mautic user" draft={draft} onChange={change} />
              <SecretField name="password" label="Password" saved={Boolean(saved.password)} draft={draft} onChange={change} />
            </>
          ) : (
            <>
              <Field name="clientId" label="Client id" draft={draft} onChange={change} />
              <SecretField name="clientSecret" label="Client secret" saved={Boolean(saved.clientSecret)} draft={draft} onChange={change} />
            </>
          )}
          <MauticFieldMapping draft={draft} onChange={change} />
        </div>
      )}
      {enteredFor && (
        <p className="small" role="note" data-testid="secret-reask">
          The saved credentials were entered for {enteredFor}. Leadside does not send them to another host: enter them again to use this address.
        </p>
      )}
      {kind === 'file' && <FileImport />}
      {(kind === 'leadside' || kind === 'rest' || kind === 'hubspot' || kind === 'mautic') && (
        <Field name="timeoutSeconds" label="Give up after (seconds)" type="number" placeholder="8" draft={draft} onChange={change} />
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
  return (
    <div className="stack">
      <p className="small muted">{about}</p>
      <Field name={urlField} label={urlLabel} type="url" placeholder={urlPlaceholder} draft={draft} onChange={onChange} />
      <SecretField name="token" label="Access token" saved={saved} draft={draft} onChange={onChange} />
    </div>
  );
}
