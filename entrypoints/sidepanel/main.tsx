import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/sidepanel/panel.css';
import { App } from './App';
import { followTheme } from '@/components/ui/theme';
import { ExtensionI18n } from '@/components/ui/i18n';
import { askForPersistentStorage } from '@/lib/store/storage-errors';

// Undelivered feedback lives in IndexedDB: ask the browser not to evict it under storage pressure.
void askForPersistentStorage();
// The system's theme is set at once; the rep's own choice follows as soon as settings are read.
void followTheme();
createRoot(document.getElementById('root')!).render(
  <ExtensionI18n>
    <App />
  </ExtensionI18n>,
);
