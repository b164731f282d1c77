import { z } from 'zod';
import {
  ContentPageSchema,
  DeliveryRequestSchema,
  DeliveryResponseSchema,
  ErrorBodySchema,
  FieldSignalsSchema,
  ProfileResponseSchema,
  ProfileSearchResponseSchema,
  TeamStatsSchema,
} from './rest-api';
import { RequestStatusesResponseSchema } from './dashboard';

/** JSON Schema of what Leadside accepts (or sends), for the OpenAPI document. */
const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any' });

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json('Error') });
/** What every call may answer besides its own statuses: the token, and the rate limit. */
const errors = {
  '401': error('Missing, unknown, expired or revoked bearer token (the message says which).'),
  '429': {
    description: 'Too many requests. Leadside waits for `Retry-After` (seconds or an HTTP date).',
    headers: { 'Retry-After': { schema: { type: 'string' } } },
    content: json('Error'),
  },
};
const badRequest = (what: string) => ({ '400': error(`${what}; the message says which part and why.`) });
/** The Leadside server asks the team's own HubSpot or Mautic when it has no match (server/sources). */
const vendorFailed = {
  '502': error(
    "On the Leadside server: it had no match, asked the team's marketing system (HubSpot, Mautic), and that failed; the message is the vendor's own (e.g. `HubSpot answered 401: …`).",
  ),
};

/**
 * The REST gateway contract as an OpenAPI 3.1 document, generated from the same zod schemas
 * Leadside validates with, so the document cannot drift from what the extension accepts.
 */
export function restGatewayOpenApi(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Leadside REST gateway',
      version,
      description:
        "The service a team runs in front of its marketing data so Leadside never holds vendor secrets. Leadside calls it from the rep's browser with a bearer token. See docs/api/README.md.",
    },
    servers: [{ url: 'https://leadside-gateway.example.com/v1', description: 'Your gateway; its base URL goes in Leadside Options.' }],
    security: [{ bearer: [] }],
    paths: {
      '/profiles': {
        get: {
          summary: "Find a lead's marketing profile for a CRM record",
          description: 'Match by the CRM record id when marketing knows it, else by e-mail.',
          parameters: [
            { name: 'crm', in: 'query', required: true, schema: { type: 'string' }, description: 'salesforce, hubspot, pipedrive, zoho, dynamics, twenty, capsule, close, freshsales or custom' },
            { name: 'recordId', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'email', in: 'query', required: false, schema: { type: 'string', format: 'email' } },
          ],
          responses: {
            '200': { description: 'Found.', content: json('ProfileResponse') },
            ...badRequest('A missing or unknown `crm`, or a missing `recordId`'),
            '404': error('Marketing does not know this person.'),
            ...vendorFailed,
            ...errors,
          },
        },
      },
      '/profiles/{id}': {
        get: {
          summary: "A profile by the gateway's own id (a rep's chosen match)",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Found.', content: json('ProfileResponse') }, '404': error('No such profile.'), ...vendorFailed, ...errors },
        },
      },
      '/profiles/search': {
        get: {
          summary: 'Profiles whose name, e-mail or company match, best first (at most 20)',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'Matches, maybe none.', content: json('ProfileSearchResponse') },
            ...badRequest('No `q` parameter'),
            ...vendorFailed,
            ...errors,
          },
        },
      },
      '/content': {
        get: {
          summary: 'The sales content catalog, page by page',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`nextCursor` of the previous page.' },
          ],
          responses: { '200': { description: 'One page.', content: json('ContentPage') }, ...badRequest('A `limit` outside 1–100, or a `cursor` this service did not give out'), ...errors },
        },
      },
      '/deliveries': {
        post: {
          summary: 'Store a batch of feedback and content events',
          description:
            'Each item has an idempotency id. The gateway must store an id at most once and answer `duplicate` for an id it already has: Leadside resends after timeouts and dropped connections.',
          requestBody: { required: true, content: json('DeliveryRequest') },
          responses: {
            '200': { description: 'One result per item; an item that does not validate is `rejected` with the reason, the others are stored.', content: json('DeliveryResponse') },
            ...badRequest('Not JSON, more than 100 items, or an item without an `id`'),
            '403': error('The token may not deliver (on the Leadside server: only reps and admins give feedback).'),
            '413': error('The body is over the size limit (1 MiB on the Leadside server).'),
            ...errors,
          },
        },
      },
      '/requests/status': {
        get: {
          summary: "What marketing did with this rep's content requests and prospect questions",
          description:
            "On the Leadside server: the status of each request the token's user sent (new, planned, or published with the catalog item that answers it), newest first. Only the caller's own requests. A team's own gateway need not offer it.",
          responses: { '200': { description: "The caller's requests, maybe none.", content: json('RequestStatuses') }, ...errors },
        },
      },
      '/stats': {
        get: {
          summary: 'Team statistics for Insights (all reps)',
          parameters: [{ name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } }],
          responses: { '200': { description: 'Content usage and lead quality.', content: json('TeamStats') }, ...badRequest('A `since` that is not an ISO date-time'), ...errors },
        },
      },
      '/field-signals': {
        get: {
          summary: "The team's ratings and opens per content item and segment of leads, for ranking",
          description:
            "On the Leadside server: for each catalog item and segment of leads (industry, persona), for how many leads the latest rating by a rep said useful or not useful and for how many a rep opened it, over the last 180 days; the strongest first, counts only. Leadside fetches it beside the catalog and nudges an item's rank for similar leads by it, never more than a close call. A team's own gateway need not offer it: on 404 Leadside learns from this browser's own ratings and opens instead.",
          responses: { '200': { description: "The team's signals, maybe none.", content: json('FieldSignals') }, ...errors },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ProfileResponse: schema(ProfileResponseSchema, 'input'),
        ProfileSearchResponse: schema(ProfileSearchResponseSchema, 'input'),
        ContentPage: schema(ContentPageSchema, 'input'),
        DeliveryRequest: schema(DeliveryRequestSchema, 'output'),
        DeliveryResponse: schema(DeliveryResponseSchema, 'input'),
        TeamStats: schema(TeamStatsSchema, 'input'),
        RequestStatuses: schema(RequestStatusesResponseSchema, 'input'),
        FieldSignals: schema(FieldSignalsSchema, 'input'),
        Error: schema(ErrorBodySchema, 'input'),
      },
    },
  };
}
