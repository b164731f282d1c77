import { firstShownEmail, firstShownText } from './dom';
import type { CrmDetector, RecordMatch } from './types';

/** "/people/:id" → a RegExp whose first group is the id; `*` is one path segment. */
export function compilePathPattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/\/+$/, '')
    .split(':id')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+'));
  return new RegExp(`^${escaped.join('([^/?#]+)')}/?$`);
}

/**
 * The detector for a CRM Leadside does not know: the record id from the admin's path pattern, the
 * person from the e-mail the page shows (a mailto: link or an e-mail input) and its main heading.
 */
export function pathPatternDetector(host: string, pathPattern: string): CrmDetector {
  const path = compilePathPattern(pathPattern);
  return {
    crm: 'custom',
    matches: [`https://${host}/*`],
    matchUrl(url: URL): RecordMatch | null {
      if (url.protocol !== 'https:' || url.hostname !== host) return null;
      const id = path.exec(url.pathname)?.[1];
      return id ? { crm: 'custom', objectType: 'record', recordId: decodeURIComponent(id) } : null;
    },
    readIdentity(doc) {
      return {
        name: firstShownText(doc, ['main h1', 'h1']),
        email: firstShownEmail(doc, ['a[href^="mailto:"]', 'input[type="email"]']),
      };
    },
    testUrls: {
      match: [
        ['https://crm.acme.example/people/123', { objectType: 'record', recordId: '123' }],
        ['https://crm.acme.example/people/p-9f8e/', { objectType: 'record', recordId: 'p-9f8e' }],
        ['https://crm.acme.example/people/123?tab=notes', { objectType: 'record', recordId: '123' }],
      ],
      noMatch: [
        'https://crm.acme.example/people',
        'https://crm.acme.example/people/123/edit',
        'https://crm.acme.example.evil.example/people/123',
        'http://crm.acme.example/people/123',
      ],
    },
  };
}
