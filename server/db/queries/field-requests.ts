import { sql, type Kysely } from 'kysely';
import type { FieldRequest, RequestStatus, RequestStatuses } from '@/lib/schema/dashboard';
import type { Tables } from '../tables';

/** The feedback kinds marketing answers: what the dashboard's "From the field" lists. */
export const FIELD_REQUEST_KINDS = ['content_request', 'prospect_question'] as const;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The team's requests from the field joined with their status (none stored = `new`), the rep who
 * sent each and the title of the item that answers it. Newest first.
 */
function requestsQuery(db: Kysely<Tables>, teamId: string) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('users as u', (join) => join.onRef('u.team_id', '=', 'f.team_id').onRef('u.id', '=', 'f.user_id'))
    .leftJoin('field_request_status as s', (join) => join.onRef('s.team_id', '=', 'f.team_id').onRef('s.feedback_id', '=', 'f.id'))
    .leftJoin('content as c', (join) => join.onRef('c.team_id', '=', 's.team_id').onRef('c.id', '=', 's.content_id'))
    .select([
      'f.id as id',
      'f.kind as kind',
      'f.text as text',
      'f.created_at as createdAt',
      'f.lead_label as lead',
      'u.name as rep',
      's.status as status',
      's.content_id as contentId',
      sql<string | null>`c.item->>'title'`.as('contentTitle'),
      's.changed_at as statusChangedAt',
    ])
    .where('f.team_id', '=', teamId)
    .where('f.kind', 'in', FIELD_REQUEST_KINDS)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id');
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

const toFieldRequest = (row: RequestRow): FieldRequest => ({
  id: row.id,
  kind: row.kind as FieldRequest['kind'],
  text: row.text ?? '',
  createdAt: new Date(row.createdAt).toISOString(),
  lead: row.lead,
  rep: row.rep,
  status: row.status ?? 'new',
  contentId: row.contentId,
  contentTitle: row.contentTitle,
  statusChangedAt: iso(row.statusChangedAt),
});

/**
 * Every content request and prospect question of the team, newest first; optionally of one status,
 * and sent from `since` (inclusive) until `until` (exclusive), as the weekly digest asks for its week.
 */
export async function listFieldRequests(
  db: Kysely<Tables>,
  teamId: string,
  filter: { status?: RequestStatus; since?: Date; until?: Date; limit?: number } = {},
): Promise<FieldRequest[]> {
  let query = requestsQuery(db, teamId);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  if (filter.since) query = query.where('f.created_at', '>=', filter.since);
  if (filter.until) query = query.where('f.created_at', '<', filter.until);
  if (filter.status === 'new') query = query.where((eb) => eb.or([eb('s.status', 'is', null), eb('s.status', '=', 'new')]));
  else if (filter.status) query = query.where('s.status', '=', filter.status);
  return (await query.execute()).map(toFieldRequest);
}

export async function getFieldRequest(db: Kysely<Tables>, teamId: string, feedbackId: string): Promise<FieldRequest | undefined> {
  const row = await requestsQuery(db, teamId).where('f.id', '=', feedbackId).executeTakeFirst();
  return row && toFieldRequest(row);
}

/** Whether the team has a request (not another kind of feedback) with this id. */
export async function fieldRequestExists(db: Kysely<Tables>, teamId: string, feedbackId: string): Promise<boolean> {
  const row = await db
    .selectFrom('feedback')
    .select('id')
    .where('team_id', '=', teamId)
    .where('id', '=', feedbackId)
    .where('kind', 'in', FIELD_REQUEST_KINDS)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets a request's status (and the item that answers it, null unless published); the caller checked both exist. */
export async function saveFieldRequestStatus(
  db: Kysely<Tables>,
  teamId: string,
  feedbackId: string,
  change: { status: RequestStatus; contentId: string | null; changedBy: string; at: Date },
): Promise<void> {
  await db
    .insertInto('field_request_status')
    .values({ team_id: teamId, feedback_id: feedbackId, status: change.status, content_id: change.contentId, changed_at: change.at, changed_by: change.changedBy })
    .onConflict((oc) =>
      oc.columns(['team_id', 'feedback_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        content_id: eb.ref('excluded.content_id'),
        changed_at: eb.ref('excluded.changed_at'),
        changed_by: eb.ref('excluded.changed_by'),
      })),
    )
    .execute();
}

/**
 * The statuses of one rep's own requests (what their side panel shows), newest first, with the item
 * that answers each as the catalog has it now (a later edit of its title or address shows).
 */
export async function listRequestStatusesOfUser(db: Kysely<Tables>, teamId: string, userId: string): Promise<RequestStatuses['statuses']> {
  const rows = await db
    .selectFrom('feedback as f')
    .leftJoin('field_request_status as s', (join) => join.onRef('s.team_id', '=', 'f.team_id').onRef('s.feedback_id', '=', 'f.id'))
    .leftJoin('content as c', (join) => join.onRef('c.team_id', '=', 's.team_id').onRef('c.id', '=', 's.content_id'))
    .select([
      'f.id as id',
      's.status as status',
      's.content_id as contentId',
      sql<string | null>`c.item->>'title'`.as('contentTitle'),
      sql<string | null>`c.item->>'url'`.as('contentUrl'),
      's.changed_at as changedAt',
    ])
    .where('f.team_id', '=', teamId)
    .where('f.user_id', '=', userId)
    .where('f.kind', 'in', FIELD_REQUEST_KINDS)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status ?? 'new',
    content: row.contentId && row.contentTitle && row.contentUrl ? { id: row.contentId, title: row.contentTitle, url: row.contentUrl } : null,
    changedAt: iso(row.changedAt),
  }));
}
