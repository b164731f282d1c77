import type { Role } from '../db/tables';

/** Who may use the dashboard at all: marketers see their team's everything, admins also manage it. */
export const DASHBOARD_ROLES: readonly Role[] = ['marketer', 'admin'];

/** Who manages the team: users, tokens, the marketing system and the Slack webhook. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
