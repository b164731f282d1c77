import { createElement } from 'react';
import { renderPanel } from '@/test/support/render-panel';
import { describe, expect, it } from 'vitest';
import type { PageView } from '@/lib/schema';
import { PagesSection, VISITS_SHOWN } from './PagesSection';

/** `visits` visits of two pages each, a day apart. */
const history = (visits: number): PageView[] =>
  Array.from({ length: visits }, (_, visit) =>
    [0, 1].map((page) => ({
      url: `https://acme.example/v${visit}/p${page}`,
      title: `Visit ${visit} page ${page}`,
      viewedAt: new Date(Date.UTC(2026, 0, 1 + visit, 10, page)).toISOString(),
      visitId: `v${visit}`,
    })),
  ).flat();

describe('pages viewed', () => {
  it('shows the latest visits and a "Show all" for a long history instead of rendering every page', () => {
    const html = renderPanel(createElement(PagesSection, { pageViews: history(400) }));
    expect(html.match(/data-testid="visit"/g)).toHaveLength(VISITS_SHOWN);
    expect(html).toContain('Show all 400 visits');
    expect(html).toContain('Visit 399 page 1');
    expect(html).not.toContain('Visit 0 page 0');
  });

  it('shows a short history whole, with no button', () => {
    const html = renderPanel(createElement(PagesSection, { pageViews: history(3) }));
    expect(html.match(/data-testid="visit"/g)).toHaveLength(3);
    expect(html).not.toContain('Show all');
  });

  it('links each page without the tracking tags it was reached with, so a rep opening it is not counted as the campaign’s visit', () => {
    const html = renderPanel(
      createElement(PagesSection, {
        pageViews: [{ url: 'https://acme.example/guide?id=7&utm_source=linkedin&utm_campaign=pricing-push&gclid=k', title: 'Setup guide', viewedAt: '2026-11-02T10:00:00Z', visitId: 'v1' }],
      }),
    );
    expect(html).toContain('href="https://acme.example/guide?id=7"');
    expect(html).not.toContain('utm_');
    expect(html).not.toContain('Pricing');
  });
});
