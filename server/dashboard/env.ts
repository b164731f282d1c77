import type { Role } from '../db/tables';

/** Who is signed in to the dashboard (set by requireSession in session-auth.ts). */
export interface DashboardSession {
  id: string;
  teamId: string;
  userId: string;
  role: Role;
  csrfToken: string;
  user: { name: string; email: string; role: Role };
  team: { name: string };
}

/** Hono's typed context for the dashboard's /api routes. */
export interface DashboardEnv {
  Variables: { session: DashboardSession };
}
