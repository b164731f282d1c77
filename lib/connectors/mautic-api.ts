import { z } from 'zod';
import { decodeEntities } from './vendor-text';

/*
 * Mautic REST API payloads, as far as Leadside reads them. Shapes come from Mautic's developer
 * documentation (mautic/developer-documentation-new, docs/rest_api/*.rst) and, where the docs are
 * silent, from the serializers in mautic/mautic. Mautic is PHP: ids and counts often arrive as
 * strings, empty lists as `[]`, sparse lists as objects keyed by id, and unset values as null.
 * Every schema here accepts those forms; anything Leadside only displays is optional and dropped when
 * it does not fit, so one odd property never costs the rep the whole brief.
 */

// --- HTML entities ------------------------------------------------------------------------------

/**
 * Mautic stores and sends text HTML-encoded (InputHelper::clean runs htmlspecialchars on what
 * users and forms enter): "Pricing &#38; Plans", "Q&#39;s answered". Every string in an answer is
 * decoded here (vendor-text.ts: a value Mautic encoded twice too), before any schema reads it;
 * Leadside renders text as text, never as HTML.
 */
/** A parsed JSON answer with every string value decoded (keys are aliases and ids: left alone). */
export function decodeEntitiesDeep(value: unknown): unknown {
  if (typeof value === 'string') return decodeEntities(value);
  if (Array.isArray(value)) return value.map(decodeEntitiesDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeEntitiesDeep(item)]));
  }
  return value;
}

/** The schema for a Mautic answer, reading it with its entities decoded. */
export function decodedAnswer<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return z.unknown().transform(decodeEntitiesDeep).pipe(schema) as unknown as z.ZodType<T>;
}

/** A PHP list: a JSON array, or an object keyed by id (`{"47": {…}}`). Items that do not fit are dropped. */
export function lenientList<T>(item: z.ZodType<T>) {
  return z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).transform((raw) =>
    (Array.isArray(raw) ? raw : Object.values(raw)).flatMap((value) => {
      const parsed = item.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

/** Mautic entity ids: integers, sometimes sent as strings ("47"). */
export const MauticIdSchema = z.union([z.number().int().nonnegative(), z.string().trim().regex(/^\d+$/)]).transform((id) => String(id));

/** A number that may arrive as a numeric string ("total": "1"). */
const LooseNumberSchema = z.union([z.number().finite(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** Display-only text: absent, null or of another type all mean "not known". */
const optionalText = z.string().nullish().catch(undefined);
const optionalNumber = LooseNumberSchema.nullish().catch(undefined);

// --- Contacts (docs/rest_api/contacts.rst: Get Contact, List Contacts) ---------------------------

/** One `utmtags` entry (LeadBundle/Entity/UtmTag::loadApiMetadata: no date is serialized). */
export const MauticUtmTagSchema = z.object({
  id: MauticIdSchema.optional().catch(undefined),
  url: optionalText,
  referer: optionalText,
  utmSource: optionalText,
  utmMedium: optionalText,
  utmCampaign: optionalText,
  utmTerm: optionalText,
  utmContent: optionalText,
  /** Not serialized by Mautic's UtmTag entity today; read when a version or gateway sends it. */
  dateAdded: optionalText,
});
export type MauticUtmTag = z.infer<typeof MauticUtmTagSchema>;

/**
 * One `doNotContact` entry (LeadBundle/Entity/DoNotContact::loadApiMetadata):
 * `{"id":2,"dateAdded":"2026-11-03T09:12:44+00:00","reason":2,"comments":"","channel":"email","channelId":null}`.
 * reason: 1 unsubscribed by the contact, 2 bounced, 3 set by a user (0 means contactable).
 */
export const MauticDncSchema = z.object({
  channel: optionalText,
  /** The code; some gateways and older serializers send its word ("unsubscribed") instead. */
  reason: z.union([z.number(), z.string()]).nullish().catch(undefined),
  dateAdded: optionalText,
  comments: optionalText,
});

export const MauticContactSchema = z.object({
  id: MauticIdSchema,
  dateAdded: optionalText,
  lastActive: optionalText,
  points: optionalNumber,
  /**
   * Field values grouped by field group (`core`, `social`, `personal`, `professional`, each
   * `{alias: {alias, value, …}}` or `[]` when empty) plus `all`: `{alias: value}`. Read through
   * fieldValue(), which handles both forms.
   */
  fields: z.record(z.string(), z.unknown()).catch({}),
  /** The contact's stage entity (`{"id": 3, "name": "MQL", …}`), or null. */
  stage: z.object({ name: z.string() }).nullish().catch(undefined),
  utmtags: lenientList(MauticUtmTagSchema).catch([]),
  doNotContact: lenientList(MauticDncSchema).catch([]),
});
export type MauticContact = z.infer<typeof MauticContactSchema>;

/** `GET /api/contacts/{id}`: `{"contact": {…}}`. */
export const MauticContactResponseSchema = z.object({ contact: MauticContactSchema });

/** How many entries a PHP list holds, readable or not. */
const entryCount = (list: unknown) => (Array.isArray(list) ? list.length : list && typeof list === 'object' ? Object.keys(list).length : 0);

/**
 * `GET /api/contacts?…`: `{"total": "1", "contacts": {"47": {…}}}` (or `"contacts": []` when none);
 * `listed` is how many entries it sent, before those that could not be read were dropped.
 */
export const MauticContactListSchema = z
  .looseObject({ contacts: z.unknown() })
  .transform((answer) => ({ ...answer, listed: entryCount(answer.contacts) }))
  .pipe(z.object({ total: optionalNumber, contacts: lenientList(MauticContactSchema), listed: z.number() }));

// --- Activity (contacts.rst: Get activity events for specific Contact) --------------------------

const EventLabelSchema = z
  .union([z.string(), z.object({ label: optionalText, href: optionalText, isExternal: z.boolean().optional().catch(undefined) })])
  .optional()
  .catch(undefined);

export const MauticEventSchema = z.object({
  event: z.string(),
  eventId: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
  eventLabel: EventLabelSchema,
  timestamp: optionalText,
  /** The API names it `details`; the timeline internally calls it `extra` (LeadTimelineEvent). */
  details: z.unknown().optional(),
  extra: z.unknown().optional(),
});
export type MauticEvent = z.infer<typeof MauticEventSchema>;

export const MauticActivitySchema = z.object({
  events: lenientList(MauticEventSchema),
  total: optionalNumber,
  page: optionalNumber,
  limit: optionalNumber,
  maxPages: optionalNumber,
});

/** `page.hit` details (PageBundle HitRepository::getLeadHits: dateLeft is set when the next hit arrives). */
export const PageHitDetailsSchema = z.object({
  hit: z.object({
    hitId: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
    url: optionalText,
    urlTitle: optionalText,
    dateHit: optionalText,
    dateLeft: optionalText,
    referer: optionalText,
  }),
});

const FormRefSchema = z.object({ name: optionalText }).nullish().catch(undefined);

/** `form.submitted` details: the submission with its answers keyed by field alias. */
export const FormSubmittedDetailsSchema = z.object({
  submission: z.object({
    dateSubmitted: optionalText,
    /** The page the form was submitted on. */
    referer: optionalText,
    form: FormRefSchema,
    /** `{"form_id": "143", "email": "…", "message": "…"}`; `[]` when PHP had nothing. */
    results: z.record(z.string(), z.unknown()).catch({}),
  }),
  form: FormRefSchema,
});

/** `asset.download` details. */
export const AssetDownloadDetailsSchema = z.object({
  asset: z.object({ title: optionalText }).nullish().catch(undefined),
  assetDownloadUrl: optionalText,
});

/** `email.read` details. */
export const EmailReadDetailsSchema = z.object({
  stat: z.object({
    dateRead: optionalText,
    dateSent: optionalText,
    emailName: optionalText,
    storedSubject: optionalText,
    subject: optionalText,
  }),
});

/** `lead.utmtagsadded` details: the lead_utmtags row as the database has it (LeadSubscriber::addTimelineUtmEntries). */
export const UtmTagsAddedDetailsSchema = z.object({
  utmtags: z.object({
    id: MauticIdSchema.optional().catch(undefined),
    date_added: optionalText,
    utm_campaign: optionalText,
    utm_term: optionalText,
  }),
});

// --- Contact fields (docs/rest_api/fields.rst: List contact fields) ----------------------------

export const MauticFieldSchema = z.object({
  alias: z.string(),
  type: optionalText,
  /**
   * Options of select, multiselect, lookup and boolean fields: `{"list": [{"label": "Phone call",
   * "value": "phone"}]}`, older `{"list": "a|b|c"}` or `{"list": {"phone": "Phone call"}}`, and
   * `{"no": "No", "yes": "Yes"}` for booleans. Read by fieldOptionLabels().
   */
  properties: z.unknown().optional(),
});
export type MauticField = z.infer<typeof MauticFieldSchema>;

export const MauticFieldListSchema = z.object({ total: optionalNumber, fields: lenientList(MauticFieldSchema) });

// --- Assets (docs/rest_api/assets.rst: List assets) -------------------------------------------

const LooseBooleanSchema = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((value) => value === true || value === 1 || value === '1' || value === 'true')
  .optional()
  .catch(undefined);

export const MauticAssetSchema = z.object({
  id: MauticIdSchema,
  title: optionalText,
  description: optionalText,
  language: optionalText,
  isPublished: LooseBooleanSchema,
  publishUp: optionalText,
  publishDown: optionalText,
  dateAdded: optionalText,
  dateModified: optionalText,
  category: z.object({ title: optionalText }).nullish().catch(undefined),
  extension: optionalText,
  mime: optionalText,
  /** The public, tracked download link (`https://mautic.example/asset/1:whitepaper`). */
  downloadUrl: optionalText,
  url: optionalText,
});
export type MauticAsset = z.infer<typeof MauticAssetSchema>;

export const MauticAssetListSchema = z.object({
  total: optionalNumber,
  assets: lenientList(MauticAssetSchema),
});

// --- Notes (docs/rest_api/notes.rst) ----------------------------------------------------------

export const MauticNoteSchema = z.object({ id: MauticIdSchema, text: optionalText });

export const MauticNoteListSchema = z.object({ total: optionalNumber, notes: lenientList(MauticNoteSchema) });

/** `POST /api/notes/new` answers 201 with `{"note": {"id": 1, …}}`. */
export const MauticNoteResponseSchema = z.object({ note: MauticNoteSchema });

// --- Users and OAuth2 (docs/rest_api/users.rst, authentication.rst) ----------------------------

const MauticSelfFieldsSchema = z.object({
  id: MauticIdSchema,
  username: optionalText,
  role: z.object({ name: optionalText, isAdmin: LooseBooleanSchema }).nullish().catch(undefined),
});

/** `GET /api/users/self` answers the user itself; accept a `{"user": …}` wrapper too. */
export const MauticSelfSchema = z.union([MauticSelfFieldsSchema, z.object({ user: MauticSelfFieldsSchema }).transform((wrapped) => wrapped.user)]);

/** `POST /api/users/{id}/permissioncheck`: `{"lead:notes:create": true}`. */
export const MauticPermissionsSchema = z.record(z.string(), z.unknown());

/** `POST /oauth/v2/token` (client_credentials): `{"access_token": "…", "expires_in": 3600, "token_type": "bearer"}`. */
export const MauticTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: optionalNumber,
});

// --- Errors -----------------------------------------------------------------------------------

const ErrorBodySchema = z.union([
  // Mautic 2+: {"errors":[{"message":"…","code":401,"type":null}]} (FetchCommonApiController::returnError).
  z.object({ errors: lenientList(z.object({ message: z.string().min(1) })) }).transform((body) => body.errors.map((error) => error.message).join('; ')),
  // The OAuth2 token endpoint: {"error":"invalid_client","error_description":"…"}.
  z.object({ error: z.string().min(1), error_description: z.string().nullish() }).transform((body) => body.error_description || body.error),
  // Mautic 1.x: {"error":{"message":"…","code":403}}.
  z.object({ error: z.object({ message: z.string().min(1) }) }).transform((body) => body.error.message),
]);

/** Mautic's own words from an error body, for the rep or admin who sees the failure. */
export function mauticErrorText(body: unknown): string | undefined {
  const text = ErrorBodySchema.safeParse(body).data;
  return text ? text.slice(0, 300) : undefined;
}
