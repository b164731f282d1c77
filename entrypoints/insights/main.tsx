import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/insights/insights.css';
import { App } from './App';
import { followTheme } from '@/components/ui/theme';
import { ExtensionI18n } from '@/components/ui/i18n';

// The system's theme is set at once; the rep's own choice follows as soon as settings are read.
void followTheme();
createRoot(document.getElementById('root')!).render(
  <ExtensionI18n>
    <App />
  </ExtensionI18n>,
);
