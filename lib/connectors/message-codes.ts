import { coded, type CodedText, type MessageParam } from '@/lib/schema/coded-text';
import { ConnectorError } from './types';

/**
 * Every code a connector's error, gap or connection-test line carries, with the parameters its
 * sentence fills in. The UI words each one (lib/i18n/resources/<locale>/messages.json, the same
 * path); lib/i18n/message-codes.test.ts fails when a code lacks a key, or a key uses a parameter
 * the code does not give, in any locale. `count` makes a sentence plural.
 *
 * `system` is the source's own name ("HubSpot", "Mautic (mautic.example.com)"), never translated;
 * a vendor's own words go in the message's `detail`, quoted as they came.
 */
export const CONNECTOR_CODES = {
  // Any HTTP source (lib/connectors/http.ts, backoff.ts).
  'source.unauthorized': ['system', 'status'],
  'source.forbidden': ['system', 'status'],
  'source.wrongDataCentre': ['system', 'status'],
  'source.notFound': ['system', 'status'],
  'source.rateLimited': ['system', 'status'],
  'source.rateLimitedRetry': ['system', 'status', 'count'],
  'source.rateLimitedRecently': ['system', 'count'],
  'source.serverError': ['system', 'status'],
  'source.rejected': ['system', 'status'],
  'source.timeout': ['system', 'count'],
  'source.slowAnswer': ['system', 'count'],
  'source.unreachable': ['system', 'host'],
  'source.cutOff': ['system'],
  'source.redirect': ['system'],
  'source.tooLarge': ['system', 'count'],
  'source.notJson': ['system'],
  'source.unreadable': ['system'],
  'source.tooManyPages': ['system', 'count'],
  'source.unexpected': [],
  /** One system's connection-test line when several are read: "HubSpot: <cause>". */
  'source.checkOf': ['system'],
  // One delivery of the outbox (feedback as a note, to a gateway, to a webhook).
  'delivery.noAnswer': [],
  'delivery.noAnswerFrom': ['system'],
  'delivery.refused': ['system'],
  // Where the worker may send credentials (lib/background/connectors.ts, lib/store/secrets.ts).
  'access.notGranted': ['host'],
  'access.credentialsForOtherHost': ['host', 'savedFor'],
  'access.credentialsUnbound': ['host'],
  // A webhook (feedback forwarding).
  'webhook.unreachable': ['host'],
  'webhook.refused': ['host', 'status'],
  'webhook.redirect': ['host'],
  // Demo data and the file import's stored profiles.
  'demo.invalidFile': ['file'],
  'file.storedProfileInvalid': ['id'],
  'demo.check.auth': [],
  'demo.check.lookup': ['count'],
  'demo.check.content': ['count'],
  'local.check.write': [],
  'file.check.auth': [],
  'file.check.lookup': ['count', 'views'],
  'file.check.noProfiles': [],
  'file.check.content': ['count'],
  'file.check.noContent': [],
  // HubSpot.
  'hubspot.noToken': [],
  'hubspot.contactUnreadable': ['id'],
  'hubspot.olderViewsUnread': [],
  'hubspot.olderViewsNotRead': ['limit'],
  'hubspot.eventsNeedScope': [],
  'hubspot.eventsUnavailable': [],
  'hubspot.eventsNotThisTime': [],
  'hubspot.check.auth': [],
  'hubspot.check.viewsNotChecked': [],
  'hubspot.check.viewsFromEvents': [],
  'hubspot.check.viewsSummaryOnly': [],
  'hubspot.check.noContentTable': [],
  'hubspot.check.content': ['count', 'table'],
  'hubspot.check.contentSkipped': ['count', 'table', 'skipped'],
  'hubspot.check.write': [],
  'hubspot.check.noWriteScope': ['scope'],
  'hubspot.noContactForEmail': ['email'],
  'hubspot.noContactForRecord': ['crm', 'record'],
  'hubspot.contentTableMissing': ['table'],
  // Mautic.
  'mautic.leadHasNoEmail': [],
  'mautic.noContactForEmail': ['system', 'email'],
  'mautic.noClientSecret': ['system'],
  'mautic.noPassword': ['username'],
  'mautic.oauthRefused': [],
  'mautic.contactUnreadable': ['system'],
  'mautic.activityUnread': [],
  'mautic.olderActivityUnread': [],
  'mautic.olderActivityNotRead': ['limit'],
  'mautic.check.signedIn': ['system', 'user'],
  'mautic.check.signedInWithRole': ['system', 'user', 'role'],
  'mautic.check.credentialsAccepted': ['system'],
  'mautic.check.lookup': [],
  'mautic.check.content': ['count'],
  'mautic.check.noContent': [],
  'mautic.check.writeAdmin': [],
  'mautic.check.writeAllowed': ['permission'],
  'mautic.check.writeRefused': ['permission'],
  'mautic.check.writeUnverified': ['system', 'permission'],
  'mautic.check.writeCheckFailed': ['system', 'permission'],
  'mautic.check.writeNoSignIn': ['system'],
  // A REST gateway or the Leadside server.
  'rest.check.auth': [],
  'rest.check.lookup': [],
  'rest.check.content': ['count'],
  'rest.check.write': [],
  'leadside.noStats': ['host'],
} as const satisfies Record<string, readonly string[]>;

export type ConnectorCode = keyof typeof CONNECTOR_CODES;
type ParamsOf<C extends ConnectorCode> = { [K in (typeof CONNECTOR_CODES)[C][number]]: MessageParam | undefined };

/** A connector's coded message, its parameters checked against the catalogue by the type system. */
export function connectorText<C extends ConnectorCode>(code: C, params: ParamsOf<C>, detail?: string, cause?: CodedText): CodedText {
  return coded(code, params as Record<string, MessageParam | undefined>, detail, cause);
}

/** A message in English (logs, older data) with its code (the UI's words). */
export interface Said {
  message: string;
  coded?: CodedText;
}

/** A text as-is plus its code: for connection-test lines and gaps, built in one place. */
export const said = (message: string, codedText: CodedText): Said => ({ message, coded: codedText });

/** The code an error carries, if it is a connector's (anything else is a bug, worded in English). */
export const codedOf = (error: unknown): CodedText | undefined => (error instanceof ConnectorError ? error.coded : undefined);

/** Any failure as a ConnectorError: a bug's own text becomes the detail of "something unexpected". */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('network', message, undefined, undefined, connectorText('source.unexpected', {}, message));
}

/** The coded message with `redact` applied to every text in it: a vendor's echo of a secret never reaches a page. */
export function redactCoded(text: CodedText, redact: (said: string) => string): CodedText {
  const clean = <T extends { params?: Record<string, MessageParam>; detail?: string }>(part: T): T => ({
    ...part,
    ...(part.params ? { params: Object.fromEntries(Object.entries(part.params).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value])) } : {}),
    ...(part.detail ? { detail: redact(part.detail) } : {}),
  });
  return { ...clean(text), ...(text.cause ? { cause: clean(text.cause) } : {}) };
}
