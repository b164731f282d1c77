import { useEffect, useState } from 'react';
import type { Settings } from '@/lib/store/settings';
import { applyTheme, type ThemeChoice } from '@/components/ui/theme';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, PSEUDO_LOCALE, type LanguageChoice } from '@/lib/i18n/locales';
import { uiLocaleFor } from '@/components/ui/i18n';

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The rep's display name (carried on their feedback), how long a brief stays cached and lead data is kept, light or dark pages. */
export function ProfileSettings({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): Promise<string | undefined> }) {
  const [repName, setRepName] = useState(settings.repName);
  const [ttl, setTtl] = useState(String(settings.cacheTtlMinutes));
  const [retention, setRetention] = useState(String(settings.retentionDays));
  const [theme, setTheme] = useState<ThemeChoice>(settings.theme);
  const [language, setLanguage] = useState<LanguageChoice>(settings.language);
  const { t } = useTranslation(['options', 'common']);
  const browserLocale = uiLocaleFor('auto');
  // Kept as an outcome, not words: saving a new language re-words it at once.
  const [outcome, setOutcome] = useState<{ error?: string }>();
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
        setOutcome({ error });
      }}
    >
      <h2 id="profile-title">{t('profile.title')}</h2>
      <label className="field">
        <span>{t('profile.displayName')}</span>
        <input value={repName} maxLength={80} onChange={(event) => setRepName(event.target.value)} placeholder={t('profile.displayNamePlaceholder')} />
        <span className="small muted">{t('profile.displayNameHint')}</span>
      </label>
      <label className="field">
        <span>{t('profile.cacheTtl')}</span>
        <input type="number" min={1} max={10080} value={ttl} onChange={(event) => setTtl(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('profile.retention')}</span>
        <input type="number" min={7} max={730} value={retention} onChange={(event) => setRetention(event.target.value)} />
        <span className="small muted">{t('profile.retentionHint')}</span>
      </label>
      <label className="field">
        <span>{t('profile.appearance')}</span>
        <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)} data-testid="theme-choice">
          {THEMES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`profile.theme.${choice}`)}
            </option>
          ))}
        </select>
        <span className="small muted">{t('profile.appearanceHint')}</span>
      </label>
      <label className="field">
        <span>{t('common:language')}</span>
        <select value={language} onChange={(event) => setLanguage(event.target.value as LanguageChoice)} data-testid="language-choice">
          <option value="auto">{t('common:languageAuto', { name: browserLocale === PSEUDO_LOCALE ? t('profile.pseudo') : LOCALE_NAMES[browserLocale] })}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale} translate="no">
              {LOCALE_NAMES[locale]}
            </option>
          ))}
          {language === PSEUDO_LOCALE && <option value={PSEUDO_LOCALE}>{t('profile.pseudo')}</option>}
        </select>
        <span className="small muted">{t('common:languageHint')}</span>
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary">
          {t('common:save')}
        </button>
        <span role="status" aria-live="polite" className="small" data-testid="profile-status">
          {outcome && (outcome.error ? t('common:notSaved', { error: outcome.error }) : t('common:saved'))}
        </span>
      </div>
    </form>
  );
}
