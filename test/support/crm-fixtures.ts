import type { TestServer } from './https-server';

/**
 * Serves each CRM's fixture record page at the CRM's real hostnames, so the content script's real
 * match patterns fire. Shared by the end-to-end tests and the `npm start` demo.
 */
export function registerCrmFixtures(server: TestServer): void {
  // Any org's host, acme.lightning.force.com included, gets the Lightning app shell.
  server.serveFixture('*.lightning.force.com', 'salesforce-lightning.html');
}
