import { defineConfig } from 'wxt';
import { BUILT_IN_CRM_MATCHES } from './lib/crm/registry';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Leadside',
    description: "Marketing's brief on the lead you have open in your CRM, and your verdict back to marketing in one click.",
    // Least privilege: the built-in CRM hosts only. Other hosts are asked for at runtime.
    host_permissions: [...BUILT_IN_CRM_MATCHES],
    permissions: ['storage', 'contextMenus', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Hosts the rep or admin adds (self-hosted Twenty, vanity Dynamics domains, other CRMs) are asked
    // for one at a time from the options page, and given back when removed.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Open Leadside' },
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Leadside' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Leadside' } },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'leadside@leadside.example',
              strict_min_version: '140.0',
              // What Leadside sends once a source is set up, to that source (the team's own marketing
              // system or Leadside server) and nowhere else: the lead's name and e-mail as the CRM
              // page shows them (to look the lead up) with the rep's feedback on them, what the record
              // page says (which record, which CRM), and the rep's token for the source.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent', 'authenticationInfo'] },
            },
          }
        : undefined,
  }),
});
