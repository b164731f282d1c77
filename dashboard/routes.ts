import type { ComponentType } from 'react';
import type { DashboardPagePath } from '@/lib/schema/dashboard';
import { AdminPage } from './pages/Admin';
import { CatalogPage } from './pages/Catalog';
import { ContentPage } from './pages/Content';
import { DigestPage } from './pages/Digest';
import { FollowUpPage } from './pages/FollowUp';
import { LeadQualityPage } from './pages/LeadQuality';
import { OverviewPage } from './pages/Overview';
import { RequestsPage } from './pages/Requests';

export interface DashboardRoute {
  /** One of the paths the server serves the app at (lib/schema/dashboard.ts). */
  path: DashboardPagePath;
  /** `nav-<id>` in the menu, `page-<id>` on the page; its name (menu, window title) is `dashboard:nav.<id>`. */
  id: 'overview' | 'content' | 'lead-quality' | 'follow-up' | 'requests' | 'catalog' | 'digest' | 'admin';
  /** The period and rep filters apply to this page. */
  filtered: boolean;
  adminOnly?: boolean;
  Page: ComponentType;
}

export const ROUTES: readonly DashboardRoute[] = [
  { path: '/', id: 'overview', filtered: true, Page: OverviewPage },
  { path: '/content', id: 'content', filtered: true, Page: ContentPage },
  { path: '/lead-quality', id: 'lead-quality', filtered: true, Page: LeadQualityPage },
  { path: '/follow-up', id: 'follow-up', filtered: true, Page: FollowUpPage },
  { path: '/requests', id: 'requests', filtered: false, Page: RequestsPage },
  { path: '/catalog', id: 'catalog', filtered: false, Page: CatalogPage },
  { path: '/digest', id: 'digest', filtered: false, Page: DigestPage },
  { path: '/admin', id: 'admin', filtered: false, adminOnly: true, Page: AdminPage },
];
