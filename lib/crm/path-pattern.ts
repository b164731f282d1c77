import { safeDecode } from './dom';
import type { CrmDetector, RecordMatch } from './types';

/** One step of a segment's pattern: a literal character, any one character, or any run of them. */
type Step = { kind: 'char'; char: string } | { kind: 'one'; wildcard: number } | { kind: 'any'; wildcard: number };

interface CompiledSegment {
  steps: Step[];
  /** Index of the wildcard that is the record id (`:id`), or -1. */
  idWildcard: number;
}

/**
 * "/people/:id" → a matcher that returns the record id, or null. `*` is one path segment (or part of
 * one), `:id` is the id. Matched segment by segment with the linear wildcard walk rather than a
 * RegExp: an admin's pattern runs in a content script on every CRM navigation, and a backtracking
 * RegExp of adjacent or repeated wildcards can freeze the tab (ten `*` in a row took 39 s).
 */
export function compilePathPattern(pattern: string): (pathname: string) => string | null {
  const segments = pattern.replace(/\/+$/, '').split('/').map(compileSegment);
  return (pathname) => {
    const parts = pathname.replace(/\/$/, '').split('/');
    if (parts.length !== segments.length) return null;
    let id: string | null = null;
    for (const [index, segment] of segments.entries()) {
      const captured = matchSegment(segment, parts[index]!);
      if (captured === null) return null;
      if (captured !== undefined) id = captured;
    }
    return id;
  };
}

function compileSegment(segment: string): CompiledSegment {
  const steps: Step[] = [];
  let wildcards = 0;
  let idWildcard = -1;
  // Runs of `*` are one wildcard: `**` means what `*` means.
  for (const piece of segment.split(/(\*+|:id)/)) {
    if (!piece) continue;
    if (piece === ':id' || piece.startsWith('*')) {
      if (piece === ':id') idWildcard = wildcards;
      // A wildcard is at least one character, then any more.
      steps.push({ kind: 'one', wildcard: wildcards }, { kind: 'any', wildcard: wildcards });
      wildcards += 1;
    } else {
      for (const char of piece) steps.push({ kind: 'char', char });
    }
  }
  return { steps, idWildcard };
}

/**
 * Greedy wildcard matching that only ever backtracks to the latest `any` step: O(pattern × text).
 * Returns the `:id` wildcard's text, undefined when the segment has none, or null for no match.
 */
function matchSegment({ steps, idWildcard }: CompiledSegment, text: string): string | null | undefined {
  // Where in the text each step began matching; a wildcard spans from its `one` step to the next step.
  const startOf = new Array<number>(steps.length + 1).fill(0);
  let step = 0;
  let at = 0;
  let lastAny = -1;
  let lastAnyAt = 0;
  while (at < text.length) {
    const current = steps[step];
    if (current && current.kind !== 'any' && (current.kind === 'one' || current.char === text[at])) {
      startOf[step++] = at++;
    } else if (current?.kind === 'any') {
      startOf[step] = at;
      lastAny = step++;
      lastAnyAt = at;
    } else if (lastAny >= 0) {
      step = lastAny + 1;
      at = ++lastAnyAt;
    } else {
      return null;
    }
  }
  while (steps[step]?.kind === 'any') startOf[step++] = at;
  if (step !== steps.length) return null;
  startOf[steps.length] = text.length;
  if (idWildcard < 0) return undefined;
  const first = steps.findIndex((candidate) => candidate.kind === 'one' && candidate.wildcard === idWildcard);
  return text.slice(startOf[first], startOf[first + 2]);
}

/**
 * The detector for a CRM Leadside does not know: the record id from the admin's path pattern, the
 * person from the e-mail the page shows (a mailto: link or an e-mail input) and its main heading.
 */
export function pathPatternDetector(host: string, pathPattern: string): CrmDetector {
  const path = compilePathPattern(pathPattern);
  return {
    crm: 'custom',
    matches: [`https://${host}/*`],
    matchUrl(url: URL): RecordMatch | null {
      if (url.protocol !== 'https:' || url.hostname !== host) return null;
      const id = path(url.pathname);
      return id ? { crm: 'custom', objectType: 'record', recordId: safeDecode(id) } : null;
    },
    // An admin's own CRM has no known markup: the generic reader (read-page.ts) reads the person,
    // with the context that keeps the signed-in user's and the owner's addresses out.
    readIdentity: () => ({}),
  };
}
