import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request, type PageResponse } from '@/lib/messaging/messages';
import { SOURCE_LABELS, type DataSource } from '@/lib/schema';
import { savedSecrets, saveSecrets } from '@/lib/store/secrets';
import type { Settings } from '@/lib/store/settings';
import { FileImport } from './FileImport';
import { draftFrom, newDraft, parseDraft, usableSecrets, type SavedSecrets } from './source-config';
import { Field, SecretField, type SourceDraft } from './source-forms';

type Kind = DataSource['kind'];
type Checks = PageResponse<'test-connection'>['checks'];
const KINDS = Object.keys(SOURCE_LABELS) as Kind[];
const CAPABILITY_LABELS = { auth: 'Sign-in', lookup: 'Lead lookup', content: 'Content list', write: 'Feedback delivery' };

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
  const [kind, setKind] = useState<Kind>(settings.source.kind);
  const [draft, setDraft] = useState<SourceDraft>(() => draftFrom(settings.source));
  const [stored, setStored] = useState<SavedSecrets>({ values: {} });
  const [status, setStatus] = useState('');
  const [checks, setChecks] = useState<Checks>();
  const [testing, setTesting] = useState(false);

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
    const parsed = parseDraft(kind, draft, stored);
    if (!parsed.ok) return setStatus(`Not saved: ${parsed.error}`);
    // Asked straight from the click: browsers grant permissions only inside the user's gesture.
    const granted = parsed.origin ? browser.permissions.request({ origins: [parsed.origin] }) : Promise.resolve(true);
    void granted.then(async (allowed) => {
      if (!allowed) return setStatus(`Not saved: the browser did not allow Leadside to reach ${new URL(parsed.origin!.replace('/*', '')).host}.`);
      if (Object.keys(parsed.secrets).length && parsed.baseUrl) await saveSecrets(kind, parsed.baseUrl, parsed.secrets);
      const error = await save({ source: parsed.source });
      if (error) return setStatus(`Not saved: ${error}`);
      await request({ type: 'source-changed' });
      if (parsed.baseUrl) setStored({ values: parsed.secrets, origin: new URL(parsed.baseUrl).origin });
      setDraft((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !(name in parsed.secrets))));
      setStatus(`✓ Connected to ${SOURCE_LABELS[kind]}`);
    });
  };

  const test = async () => {
    setTesting(true);
    try {
      setChecks((await request({ type: 'test-connection' })).checks);
    } finally {
      setTesting(false);
    }
  };

  const active = settings.source.kind === kind;
  return (
    <section className="card section" aria-labelledby="source-title" data-testid="data-source">
      <h2 id="source-title">Marketing data source</h2>
      <fieldset className="plain-fieldset row" role="radiogroup" aria-label="Data source">
        {KINDS.map((option) => (
          <label key={option} className="row">
            <input type="radio" name="source" value={option} checked={kind === option} onChange={() => choose(option)} />
            {SOURCE_LABELS[option]}
          </label>
        ))}
      </fieldset>

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
          <Field name="bestTime" label="Property with their best time to call (e.g. 09:00-11:00)" draft={draft} onChange={change} />
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

      <div className="row">
        {(!active || kind !== 'demo') && (
          <button type="button" className="btn btn-primary" onClick={connect}>
            {active ? 'Save' : 'Use this source'}
          </button>
        )}
        <button type="button" className="btn" onClick={() => void test()} disabled={!active || testing}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        <span role="status" aria-live="polite" className="small" data-testid="source-status">
          {status}
        </span>
      </div>
      {checks && (
        <ul className="plain-list" data-testid="connection-checks">
          {checks.map((check) => (
            <li key={check.capability} className="row small">
              <span className={check.ok ? 'badge badge-good' : 'badge badge-danger'}>{check.ok ? '✓' : '✗'} {CAPABILITY_LABELS[check.capability]}</span>
              <span>{check.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
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
