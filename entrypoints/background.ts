import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { installActionMenu, openActionMenuPage } from '@/lib/background/action-menu';
import { routeMessage } from '@/lib/background/router';
import { openSidePanelFromToolbar } from '@/lib/background/side-panel';
import { syncCustomSiteScripts } from '@/lib/background/custom-sites';
import { forgetTab } from '@/lib/store/tab-records';
import { forgetTabLookups } from '@/lib/background/lookup-budget';
import { DELIVERY_ALARM, deliverDue } from '@/lib/background/delivery';
import { purgeByRetention, RETENTION_ALARM } from '@/lib/background/retention';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(routeMessage);
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTabLookups(tabId);
    void forgetTab(tabId);
  });
  browser.runtime.onInstalled.addListener(() => {
    void installActionMenu();
    void syncCustomSiteScripts();
  });
  // A host revoked in the browser's own UI must stop being read at once.
  browser.permissions.onRemoved.addListener(() => void syncCustomSiteScripts());
  browser.contextMenus.onClicked.addListener(openActionMenuPage);
  openSidePanelFromToolbar();

  // Delivery resumes whenever the worker starts, on its alarm, and when the network comes back.
  void deliverDue();
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === DELIVERY_ALARM && void deliverDue());
  // Old lead data goes at each start and once a day (the alarm outlives the worker).
  void purgeByRetention();
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === RETENTION_ALARM && void purgeByRetention());
  globalThis.addEventListener('online', () => void deliverDue());
});
