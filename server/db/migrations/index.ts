import type { Migration, MigrationProvider } from 'kysely';
import * as core from './0001_core';
import * as rollups from './0002_rollups';
import * as sources from './0003_sources';
import * as contentTeamDaily from './0004_content_team_daily';
import * as latestFeedbackIndexes from './0005_latest_feedback_indexes';
import * as forwards from './0006_forwards';
import * as dashboardSignIn from './0007_dashboard_sign_in';
import * as dashboardAnalytics from './0008_dashboard_analytics';
import * as fieldRequestStatus from './0009_field_request_status';
import * as digests from './0010_digests';
import * as sourcesPerKind from './0011_sources_per_kind';
import * as crmGuidIds from './0012_crm_guid_ids';

/**
 * The migrations in order, listed here rather than discovered on disk, so they run the same under
 * tsx, in a bundle and in tests. Append new ones; never rename or edit one that has shipped.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_core': core,
  '0002_rollups': rollups,
  '0003_sources': sources,
  '0004_content_team_daily': contentTeamDaily,
  '0005_latest_feedback_indexes': latestFeedbackIndexes,
  '0006_forwards': forwards,
  '0007_dashboard_sign_in': dashboardSignIn,
  '0008_dashboard_analytics': dashboardAnalytics,
  '0009_field_request_status': fieldRequestStatus,
  '0010_digests': digests,
  '0011_sources_per_kind': sourcesPerKind,
  '0012_crm_guid_ids': crmGuidIds,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => MIGRATIONS };
