import { bul, ces, dan, ell, fin, hrv, hun, ind, nld, nob, pol, ron, rus, slk, slv, spa, swe, tur, ukr } from 'stopword';

/**
 * Words that carry no topic in a prospect's sentence, per language the ranker reads. Without them
 * "we need our audit done" would match every summary that says "we" or "our". The same lists tell
 * which language a short text is in (`detectLanguage`): function words are the surest sign of it.
 */
const LISTS: Record<string, string> = {
  en: `a about above after again all also am an and any are as at be because been before being below between
both but by can could did do does doing don done down during each even every few for from further get
gets getting got had has have having he her here hers him his how i if in into is it its itself just
keep let like lot lots made make makes many me more most much must my need needs no nor not now of off
on once only or other our ours out over own per really same she should so some still such than that the
their them then there these they this those through to too under until up us very want was way we
were what when where which while who whom why will with without would you your yours whole eat eats
doesn t s team teams thing things right new first please could any`,
  de: `der die das den dem des ein eine einen einem einer eines und oder aber auch noch nur schon sehr
wir uns unser unsere unserer unseren ihr ihre ihren ich mich mir du sie es er ist sind war waren wird werden
wurde haben hat hatte sein kann können könnte müssen muss soll sollen will wollen bei mit von vom zu zum zur
für auf aus an am im in um über unter nach vor wie was wer wo wenn dass als bis nicht kein keine keinen
oft viel viele heute jede jedes jeder jeden man sich bitte uns`,
  fr: `le la les l un une des du de d et ou mais donc ni que qu qui quoi dont où ce cet cette ces
nous notre nos vous votre vos ils elles il elle on je j me m se s en y au aux par pour sur sous dans avec
sans est sont été être avoir a ont avait chaque tout tous toute toutes plus moins très pas ne n leur leurs
faut peut pouvez nos`,
  es: `el la los las lo un una unos unas y o pero que qué de del a al en con sin por para sobre entre
nosotros nuestro nuestra nuestros nuestras su sus mi mis tu tus se me nos les le es son está están ser
estar fue han ha hay muy más menos cada todo todos toda todas ni no si cuando como antes después
ya pueden puede podemos`,
  pt: `o a os as um uma uns umas e ou mas que de do da dos das em no na nos nas com sem por para pelo
pela sobre entre nós nosso nossa nossos nossas seu sua seus suas meu minha se me é são está estão ser
estar foi há tem têm muito mais menos cada todo todos toda todas não sim quando como antes depois já
pode podem precisamos`,
  it: `il lo la i gli le un uno una e o ma che di del della dei degli delle a al alla ai agli alle da
dal dalla in nel nella nei con senza per su sul sulla tra fra noi nostro nostra nostri nostre suo sua
suoi sue mi ci si è sono era essere avere ha hanno molto più meno ogni tutto tutti tutta tutte non sì
quando come prima dopo già può possono ci`,
};

const WRITTEN_HERE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(LISTS).map(([language, words]) => [language, new Set(words.split(/\s+/).filter(Boolean))]),
);

/**
 * The function words of the other languages a catalog or a lead may use, from the stopword package,
 * and its fuller Spanish list ("desde", "hasta", "durante", "porque" beside the list written here).
 * Each drops its words only from a text in its own language: across languages they would drop topics
 * ("po" is a Polish preposition and an English purchase order, "door" a Dutch one and a door).
 */
export const OWN_LANGUAGE_STOP_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    nl: nld, pl: pol, sv: swe, da: dan, no: nob, fi: fin, es: spa, cs: ces, sk: slk, hu: hun, ro: ron, tr: tur, id: ind,
    hr: hrv, sl: slv, el: ell, ru: rus, uk: ukr, bg: bul,
  }).map(([language, words]) => [language, new Set(words)]),
);

/** Every language's function words, for telling which language a text is in (`detectLanguage`): both lists where a language has two. */
export const STOP_WORDS_BY_LANGUAGE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [...new Set([...WRITTEN_HERE.keys(), ...OWN_LANGUAGE_STOP_WORDS.keys()])].map((language) => [
    language,
    new Set([...(WRITTEN_HERE.get(language) ?? []), ...(OWN_LANGUAGE_STOP_WORDS.get(language) ?? [])]),
  ]),
);

/** The lists written here at once: a word that is a function word in any of these languages carries no topic, whatever the text's language. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...WRITTEN_HERE.values()].flatMap((words) => [...words]));
