/**
 * A small English inflector for dictionary entries marked `infl=noun` or `infl=verb`.
 * Regular rules plus tables of the irregular forms that spinner vocabulary actually uses.
 */

/** Verb forms in a fixed order, so that spun and original forms pair up by position. */
export interface VerbForms {
  base: string;
  thirdPerson: string;
  past: string;
  participle: string;
  gerund: string;
}

// base: [past, participle]
const IRREGULAR_VERBS: Record<string, [string, string]> = {
  arise: ["arose", "arisen"], awake: ["awoke", "awoken"], be: ["was", "been"], bear: ["bore", "borne"],
  beat: ["beat", "beaten"], become: ["became", "become"], begin: ["began", "begun"], bend: ["bent", "bent"],
  bet: ["bet", "bet"], bid: ["bid", "bid"], bind: ["bound", "bound"], bite: ["bit", "bitten"],
  bleed: ["bled", "bled"], blow: ["blew", "blown"], break: ["broke", "broken"], breed: ["bred", "bred"],
  bring: ["brought", "brought"], broadcast: ["broadcast", "broadcast"], build: ["built", "built"],
  burn: ["burned", "burned"], burst: ["burst", "burst"], buy: ["bought", "bought"], cast: ["cast", "cast"],
  catch: ["caught", "caught"], choose: ["chose", "chosen"], cling: ["clung", "clung"], come: ["came", "come"],
  cost: ["cost", "cost"], creep: ["crept", "crept"], cut: ["cut", "cut"], deal: ["dealt", "dealt"],
  dig: ["dug", "dug"], do: ["did", "done"], draw: ["drew", "drawn"], dream: ["dreamed", "dreamed"],
  drink: ["drank", "drunk"], drive: ["drove", "driven"], eat: ["ate", "eaten"], fall: ["fell", "fallen"],
  feed: ["fed", "fed"], feel: ["felt", "felt"], fight: ["fought", "fought"], find: ["found", "found"],
  flee: ["fled", "fled"], fling: ["flung", "flung"], fly: ["flew", "flown"], forbid: ["forbade", "forbidden"],
  forecast: ["forecast", "forecast"], foresee: ["foresaw", "foreseen"], forget: ["forgot", "forgotten"],
  forgive: ["forgave", "forgiven"], freeze: ["froze", "frozen"], get: ["got", "gotten"], give: ["gave", "given"],
  go: ["went", "gone"], grind: ["ground", "ground"], grow: ["grew", "grown"], hang: ["hung", "hung"],
  have: ["had", "had"], hear: ["heard", "heard"], hide: ["hid", "hidden"], hit: ["hit", "hit"],
  hold: ["held", "held"], hurt: ["hurt", "hurt"], keep: ["kept", "kept"], know: ["knew", "known"],
  lay: ["laid", "laid"], lead: ["led", "led"], lean: ["leaned", "leaned"], leave: ["left", "left"],
  lend: ["lent", "lent"], let: ["let", "let"], lie: ["lay", "lain"], light: ["lit", "lit"], lose: ["lost", "lost"],
  make: ["made", "made"], mean: ["meant", "meant"], meet: ["met", "met"], mislead: ["misled", "misled"],
  overcome: ["overcame", "overcome"], oversee: ["oversaw", "overseen"], overtake: ["overtook", "overtaken"],
  overthrow: ["overthrew", "overthrown"], pay: ["paid", "paid"], put: ["put", "put"], quit: ["quit", "quit"],
  read: ["read", "read"], rebuild: ["rebuilt", "rebuilt"], rid: ["rid", "rid"], ride: ["rode", "ridden"],
  ring: ["rang", "rung"], rise: ["rose", "risen"], run: ["ran", "run"], say: ["said", "said"], see: ["saw", "seen"],
  seek: ["sought", "sought"], sell: ["sold", "sold"], send: ["sent", "sent"], set: ["set", "set"],
  shake: ["shook", "shaken"], shed: ["shed", "shed"], shine: ["shone", "shone"], shoot: ["shot", "shot"],
  show: ["showed", "shown"], shrink: ["shrank", "shrunk"], shut: ["shut", "shut"], sing: ["sang", "sung"],
  sink: ["sank", "sunk"], sit: ["sat", "sat"], sleep: ["slept", "slept"], slide: ["slid", "slid"],
  speak: ["spoke", "spoken"], speed: ["sped", "sped"], spend: ["spent", "spent"], spin: ["spun", "spun"],
  split: ["split", "split"], spread: ["spread", "spread"], spring: ["sprang", "sprung"], stand: ["stood", "stood"],
  steal: ["stole", "stolen"], stick: ["stuck", "stuck"], sting: ["stung", "stung"], strike: ["struck", "struck"],
  strive: ["strove", "striven"], swear: ["swore", "sworn"], sweep: ["swept", "swept"], swim: ["swam", "swum"],
  swing: ["swung", "swung"], take: ["took", "taken"], teach: ["taught", "taught"], tear: ["tore", "torn"],
  tell: ["told", "told"], think: ["thought", "thought"], throw: ["threw", "thrown"], thrust: ["thrust", "thrust"],
  undergo: ["underwent", "undergone"], understand: ["understood", "understood"], undertake: ["undertook", "undertaken"],
  upset: ["upset", "upset"], wake: ["woke", "woken"], wear: ["wore", "worn"], weave: ["wove", "woven"],
  win: ["won", "won"], wind: ["wound", "wound"], withdraw: ["withdrew", "withdrawn"], withhold: ["withheld", "withheld"],
  withstand: ["withstood", "withstood"], write: ["wrote", "written"],
};

const IRREGULAR_PLURALS: Record<string, string> = {
  child: "children", man: "men", woman: "women", person: "people", foot: "feet", tooth: "teeth",
  mouse: "mice", goose: "geese", criterion: "criteria", phenomenon: "phenomena", analysis: "analyses",
  crisis: "crises", thesis: "theses", hypothesis: "hypotheses", basis: "bases", diagnosis: "diagnoses",
  datum: "data", medium: "media", index: "indices", matrix: "matrices", vertex: "vertices", appendix: "appendices",
  leaf: "leaves", life: "lives", knife: "knives", wife: "wives", half: "halves", shelf: "shelves", thief: "thieves",
  wolf: "wolves", calf: "calves", loaf: "loaves", potato: "potatoes", tomato: "tomatoes", hero: "heroes",
  echo: "echoes", veto: "vetoes", ox: "oxen", louse: "lice", nucleus: "nuclei", radius: "radii",
  stimulus: "stimuli", fungus: "fungi", cactus: "cacti", syllabus: "syllabi", alumnus: "alumni",
  bacterium: "bacteria", curriculum: "curricula", memorandum: "memoranda", stratum: "strata",
};

// Nouns with no distinct plural (or whose plural reads as a different word).
const UNCOUNTABLE = new Set([
  "sheep", "fish", "deer", "series", "species", "aircraft", "news", "information", "equipment", "advice",
  "research", "software", "hardware", "furniture", "evidence", "knowledge", "progress", "weather", "traffic",
  "luggage", "baggage", "money", "music", "homework", "health", "mathematics", "physics", "economics",
  "politics", "data", "media", "staff", "police", "cattle", "know-how", "feedback", "infrastructure",
]);

const VOWELS = "aeiou";

function endsWithConsonantY(word: string): boolean {
  return word.length > 1 && word.endsWith("y") && !VOWELS.includes(word[word.length - 2] ?? "");
}

/** Plural of a noun (the word as given when it has no plural form). */
export function pluralize(noun: string): string {
  const lower = noun.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return noun;
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(lower)) return noun + "es";
  if (endsWithConsonantY(lower)) return noun.slice(0, -1) + "ies";
  return noun + "s";
}

/** True when `noun` has a plural that differs from it. */
export function hasPlural(noun: string): boolean {
  return pluralize(noun) !== noun;
}

// CVC verbs whose final consonant doubles (stop → stopped). Stress decides this in English, which no
// rule captures, so we double only for one-syllable verbs and a list of common stressed-final ones.
const DOUBLING_EXCEPTIONS = new Set(["commit", "admit", "permit", "omit", "submit", "refer", "prefer", "occur",
  "regret", "control", "compel", "propel", "expel", "forget", "begin", "equip", "transfer", "incur", "deter",
  "confer", "infer", "patrol", "rebel", "excel", "upset", "acquit", "emit", "transmit", "outfit", "kidnap"]);

function syllableCount(word: string): number {
  return (word.match(/[aeiouy]+/g) ?? []).length;
}

function doublesFinalConsonant(verb: string): boolean {
  if (!/[^aeiou][aeiou][bdfgklmnprstvz]$/.test(verb) || /[wxy]$/.test(verb)) return false;
  return syllableCount(verb) === 1 || DOUBLING_EXCEPTIONS.has(verb);
}

function regularStem(verb: string, suffix: "ed" | "ing"): string {
  if (suffix === "ed") {
    if (verb.endsWith("e")) return verb + "d";
    if (endsWithConsonantY(verb)) return verb.slice(0, -1) + "ied";
  } else {
    if (verb.endsWith("ie")) return verb.slice(0, -2) + "ying";
    if (verb.endsWith("e") && !verb.endsWith("ee") && !verb.endsWith("ye") && verb !== "be") return verb.slice(0, -1) + "ing";
  }
  if (doublesFinalConsonant(verb)) return verb + verb[verb.length - 1] + suffix;
  return verb + suffix;
}

function thirdPersonOf(verb: string): string {
  if (verb === "be") return "is";
  if (verb === "have") return "has";
  if (/(s|x|z|ch|sh|o)$/.test(verb)) return verb + "es";
  if (endsWithConsonantY(verb)) return verb.slice(0, -1) + "ies";
  return verb + "s";
}

/** All forms of a verb given in its base form (compound bases like `set off` are inflected on the caller's head word). */
export function verbForms(base: string): VerbForms {
  const lower = base.toLowerCase();
  const irregular = IRREGULAR_VERBS[lower] ?? irregularCompound(lower);
  return {
    base,
    thirdPerson: thirdPersonOf(lower),
    past: irregular ? irregular[0] : regularStem(lower, "ed"),
    participle: irregular ? irregular[1] : regularStem(lower, "ed"),
    gerund: regularStem(lower, "ing"),
  };
}

// Prefixed irregulars: undergo, overcome, rethink, outrun… inflect like their last part.
function irregularCompound(verb: string): [string, string] | undefined {
  for (const prefix of ["re", "out", "over", "under", "up", "mis", "fore", "with"]) {
    if (!verb.startsWith(prefix)) continue;
    const tail = IRREGULAR_VERBS[verb.slice(prefix.length)];
    if (tail) return [prefix + tail[0], prefix + tail[1]];
  }
  return undefined;
}
