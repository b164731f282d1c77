import 'i18next';
import type { EN } from './resources';

// English is the source: `t('sidepanel:…')` with a key English lacks is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof EN;
    returnNull: false;
  }
}
