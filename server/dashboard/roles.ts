import type { Role } from '../db/tables';

/** Who may use the dashboard at all: marketers see their team's everything, admins also manage it. */
export const DASHBOARD_ROLES: readonly Role[] = ['marketer', 'admin'];
