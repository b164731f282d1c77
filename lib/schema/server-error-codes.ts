import { coded, type CodedText, type MessageParam } from './coded-text';

/**
 * The codes the team server puts beside `error` in its JSON errors (`{ error, code, params }`), with
 * the parameters each gives. The dashboard words a known code in the reader's language
 * (lib/i18n `messages:server.*`) and shows the server's own English `error` for any other;
 * lib/i18n/message-codes.test.ts fails when a code has no words in a locale.
 */
export const SERVER_ERROR_CODES = {
  'server.failed': [],
  'server.tooLarge': ['count'],
  'server.invalidRequest': [],
  'server.notJson': [],
  'server.noEndpoint': [],
  'server.notSignedIn': [],
  'server.sessionEnded': [],
  'server.csrf': [],
  'server.crossSite': [],
  'server.useSignIn': [],
  'server.roleRefused': ['roles', 'role'],
  'server.repRefused': [],
  'server.wrongPassword': [],
  'server.lockedOut': ['count'],
  'server.severalTeams': [],
  'server.userNotFound': ['id'],
  'server.tokenNotFound': ['id'],
  'server.lastAdminSelf': [],
  'server.lastAdmin': ['name'],
  'server.accountRefused': [],
  'server.catalogItemNotFound': ['id'],
  'server.replacesItself': [],
  'server.replacedByUnknown': ['id'],
  'server.invalidItem': [],
  'server.periodTooLong': ['from', 'to', 'count'],
  'server.unknownRep': ['id'],
  'server.weekNotStarted': ['week'],
} as const satisfies Record<string, readonly string[]>;

export type ServerErrorCode = keyof typeof SERVER_ERROR_CODES;
type ParamsOf<C extends ServerErrorCode> = { [K in (typeof SERVER_ERROR_CODES)[C][number]]: MessageParam };

/** A server error's code and parameters; `detail` is text the server passes on (a validation summary), quoted. */
export function serverErrorText<C extends ServerErrorCode>(code: C, params: ParamsOf<C>, detail?: string): CodedText {
  return coded(code, params as Record<string, MessageParam>, detail);
}
