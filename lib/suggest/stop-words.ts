/**
 * Words that carry no topic in a prospect's sentence. Without them "we need our audit done" would
 * match every summary that says "we" or "our".
 */
export const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between
both but by can could did do does doing don done down during each even every few for from further get
gets getting got had has have having he her here hers him his how i if in into is it its itself just
keep let like lot lots made make makes many me more most much must my need needs no nor not now of off
on once only or other our ours out over own per really same she should so some still such than that the
their them then there these they this those through to too under until up us very want was way we
were what when where which while who whom why will with without would you your yours whole eat eats
doesn t s team teams thing things right new first`.split(/\s+/),
);
