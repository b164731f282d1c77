import type { Settings } from '@/lib/settings';

/** Where marketing data comes from. The demo dataset ships with Leadside and needs no account. */
export function DataSourceSettings({ settings }: { settings: Settings }) {
  return (
    <section className="card section" aria-labelledby="source-title">
      <h2 id="source-title">Marketing data source</h2>
      <fieldset className="stack plain-fieldset">
        <legend className="visually-hidden">Data source</legend>
        <label className="row">
          <input type="radio" name="source" value="demo" checked={settings.source.kind === 'demo'} readOnly />
          <span>
            <strong>Demo data</strong>{' '}
            <span className="muted">— fictional leads and content bundled with Leadside, to try the whole loop.</span>
          </span>
        </label>
      </fieldset>
      <p className="small muted">Feedback you give on demo leads stays in this browser.</p>
    </section>
  );
}
