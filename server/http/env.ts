import type { Role } from '../db/tables';

/** Who is calling, as the bearer token says (set by server/auth/authenticate.ts). */
export interface Caller {
  teamId: string;
  userId: string;
  role: Role;
  tokenId: string;
}

/** Hono's typed context for every route of the server. */
export interface AppEnv {
  Variables: { caller: Caller };
}
