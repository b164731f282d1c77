import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import '@/components/sidepanel/panel.css';
import { App } from './App';
import { askForPersistentStorage } from '@/lib/store/storage-errors';

// Undelivered feedback lives in IndexedDB: ask the browser not to evict it under storage pressure.
void askForPersistentStorage();
createRoot(document.getElementById('root')!).render(<App />);
