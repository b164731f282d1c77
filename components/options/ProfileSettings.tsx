import { useEffect, useState } from 'react';
import type { Settings } from '@/lib/store/settings';
import { applyTheme, type ThemeChoice } from '@/components/ui/theme';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, type LanguageChoice } from '@/lib/i18n/locales';
import { uiLocaleFor } from '@/components/ui/i18n';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** The rep's display name (carried on their feedback), how long a brief stays cached and lead data is kept, light or dark pages. */
export function ProfileSettings({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): Promise<string | undefined> }) {
  const [repName, setRepName] = useState(settings.repName);
  const [ttl, setTtl] = useState(String(settings.cacheTtlMinutes));
  const [retention, setRetention] = useState(String(settings.retentionDays));
  const [theme, setTheme] = useState<ThemeChoice>(settings.theme);
  const [language, setLanguage] = useState<LanguageChoice>(settings.language);
  const { t } = useTranslation();
  const browserLocale = uiLocaleFor('auto');
  const [status, setStatus] = useState('');
  useEffect(() => {
    setRepName(settings.repName);
    setTtl(String(settings.cacheTtlMinutes));
    setRetention(String(settings.retentionDays));
    setTheme(settings.theme);
    setLanguage(settings.language);
  }, [settings]);

  return (
    <form
      className="card section"
      // Our own validation speaks for itself; the browser's bubble would hide which field and why.
      noValidate
      aria-labelledby="profile-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const error = await save({ repName, cacheTtlMinutes: Number(ttl), retentionDays: Number(retention), theme, language });
        if (!error) applyTheme(theme);
        setStatus(error ? `Not saved: ${error}` : '✓ Saved');
      }}
    >
      <h2 id="profile-title">You</h2>
      <label className="field">
        <span>Your display name</span>
        <input value={repName} maxLength={80} onChange={(event) => setRepName(event.target.value)} placeholder="e.g. Dana Whitfield" />
        <span className="small muted">Shown to marketing with your feedback.</span>
      </label>
      <label className="field">
        <span>Keep briefs cached for (minutes)</span>
        <input type="number" min={1} max={10080} value={ttl} onChange={(event) => setTtl(event.target.value)} />
      </label>
      <label className="field">
        <span>Keep lead data in this browser for (days)</span>
        <input type="number" min={7} max={730} value={retention} onChange={(event) => setRetention(event.target.value)} />
        <span className="small muted">
          Cached leads, and feedback and events once marketing has them, are deleted after this. Nothing waiting to be
          delivered is.
        </span>
      </label>
      <label className="field">
        <span>Appearance</span>
        <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)} data-testid="theme-choice">
          {(Object.keys(THEME_LABELS) as ThemeChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {THEME_LABELS[choice]}
            </option>
          ))}
        </select>
        <span className="small muted">For the side panel, Options and Insights.</span>
      </label>
      <label className="field">
        <span>{t('language')}</span>
        <select value={language} onChange={(event) => setLanguage(event.target.value as LanguageChoice)} data-testid="language-choice">
          <option value="auto">{t('languageAuto', { name: browserLocale === 'en-XA' ? 'pseudo' : LOCALE_NAMES[browserLocale] })}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
          {language === 'en-XA' && <option value="en-XA">Pseudo-locale (screenshots)</option>}
        </select>
        <span className="small muted">{t('languageHint')}</span>
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary">
          Save
        </button>
        <span role="status" aria-live="polite" className="small" data-testid="profile-status">
          {status}
        </span>
      </div>
    </form>
  );
}
