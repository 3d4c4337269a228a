/**
 * Per-character folding shared by the text normalizer, alias compilation and the strict
 * (case/diacritic-preserving) check. Each UTF-16 code unit is classified once and cached in
 * typed tables, so the normalizer's hot loop is two array reads per character and never
 * allocates. The tables are filled lazily: a page in one script only pays for the characters
 * it uses (ASCII is filled up front).
 */

/** Not classified yet. */
export const KIND_UNKNOWN = 0;
/** Folds to exactly one code unit, found in `foldedUnits`. */
export const KIND_SINGLE = 1;
/** Invisible inside words (soft hyphen, zero-width chars, bidi marks, tatweel): dropped. */
export const KIND_IGNORABLE = 2;
/** Nonspacing combining mark: dropped when folding diacritics. */
export const KIND_MARK = 3;
/** Whitespace or control: a run of these becomes one space. */
export const KIND_SPACE = 4;
/** Folds to several code units ("ß" → "ss", "ﬁ" → "fi"), found with `findExpansion`. */
export const KIND_EXPAND = 5;
/** First half of a surrogate pair: fold the whole code point with `foldCodePoint`. */
export const KIND_HIGH_SURROGATE = 6;

const kinds = new Uint8Array(0x10000);
const foldedUnits = new Uint16Array(0x10000);
const expansions = new Map<number, string>();
const codePointFolds = new Map<number, string>();

const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\u0640]$/u;
const MARK = /^[\p{Mn}\p{Me}]$/u;
const MARKS = /[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\u0640]/gu;
const SPACE = /^[\s\p{Cc}\p{Zs}\p{Zl}\p{Zp}]+$/u;

/**
 * Characters pages use interchangeably. Apostrophes all become "'" so "Putin’s" ends the word
 * "Putin" like "Putin's"; dashes become "-" so "ISIS‑K" (non-breaking hyphen) is "ISIS-K".
 * Arabic-script letter variants: Arabic yeh/alef maksura and kaf are written for the Persian
 * ی and ک on many sites (كابل / کابل), so both fold to the Persian form.
 */
const PUNCTUATION_FOLDS = new Map<number, number>([
  [0x2019, 0x27],
  [0x2018, 0x27],
  [0x02bc, 0x27],
  [0x02bb, 0x27],
  [0x60, 0x27],
  [0xb4, 0x27],
  [0x2032, 0x27],
  [0xff07, 0x27],
  [0x2010, 0x2d],
  [0x2011, 0x2d],
  [0x2012, 0x2d],
  [0x2013, 0x2d],
  [0x2014, 0x2d],
  [0x2015, 0x2d],
  [0x2212, 0x2d],
  [0xfe58, 0x2d],
  [0xfe63, 0x2d],
  [0xff0d, 0x2d],
  [0x064a, 0x06cc],
  [0x0649, 0x06cc],
  [0x0643, 0x06a9],
]);

/** The code units foldPunctuation replaces. */
export const PUNCTUATION_FOLDED_UNITS: readonly number[] = [...PUNCTUATION_FOLDS.keys()];

/** The one-unit replacement for apostrophe, dash and Arabic letter variants, or the unit itself. */
export function foldPunctuation(unit: number): number {
  return PUNCTUATION_FOLDS.get(unit) ?? unit;
}

/**
 * Full fold of one code point: compatibility decomposition, marks removed, case folded,
 * repeated until stable ("ẞ" → "ß" → "ss"), so that folding folded text changes nothing.
 */
function computeFold(char: string): string {
  let folded = char;
  for (let round = 0; round < 4; round++) {
    // upper-then-lower approximates Unicode full case folding: "ß" → "ss", "ς" → "σ", "ſ" → "s".
    const next = folded.normalize('NFKD').replace(MARKS, '').toUpperCase().toLowerCase();
    if (next === folded) break;
    folded = next;
  }
  let out = '';
  for (let i = 0; i < folded.length; i++) out += String.fromCharCode(foldPunctuation(folded.charCodeAt(i)));
  return out;
}

/** Classify a character (one code unit or a whole code point) and return its kind and fold. */
export function classifyChar(char: string): { kind: number; folded: string } {
  if (IGNORABLE.test(char)) return { kind: KIND_IGNORABLE, folded: '' };
  if (MARK.test(char)) return { kind: KIND_MARK, folded: '' };
  if (SPACE.test(char) || char === '\u0085') return { kind: KIND_SPACE, folded: ' ' };
  const punctuation = PUNCTUATION_FOLDS.get(char.charCodeAt(0));
  if (punctuation !== undefined && char.length === 1) {
    return { kind: KIND_SINGLE, folded: String.fromCharCode(punctuation) };
  }
  const folded = computeFold(char);
  if (folded === '') return { kind: KIND_IGNORABLE, folded };
  if (SPACE.test(folded)) return { kind: KIND_SPACE, folded: ' ' };
  return { kind: folded.length === 1 ? KIND_SINGLE : KIND_EXPAND, folded };
}

function fillUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdbff) {
    kinds[unit] = KIND_HIGH_SURROGATE;
    return KIND_HIGH_SURROGATE;
  }
  // A lone low surrogate stays as it is (it cannot be folded).
  const { kind, folded } =
    unit >= 0xdc00 && unit <= 0xdfff
      ? { kind: KIND_SINGLE, folded: String.fromCharCode(unit) }
      : (readFoldSeed(SEED, unit) ?? classifyChar(String.fromCharCode(unit)));
  if (kind === KIND_SINGLE) foldedUnits[unit] = folded.charCodeAt(0);
  if (kind === KIND_EXPAND) expansions.set(unit, folded);
  kinds[unit] = kind;
  return kind;
}

/** The kind of a code unit; `foldedUnits[unit]` holds its fold when the kind is KIND_SINGLE. */
export function classifyCodeUnit(unit: number): number {
  const kind = kinds[unit] ?? KIND_UNKNOWN;
  return kind === KIND_UNKNOWN ? fillUnit(unit) : kind;
}

/** The folded text of a KIND_EXPAND code unit. */
export function findExpansion(unit: number): string {
  return expansions.get(unit) ?? '';
}

/**
 * The fold of a supplementary code point (mathematical letters fold to ASCII, emoji stay):
 * '' when it is ignorable or a mark, ' ' when it is whitespace.
 */
export function foldCodePoint(codePoint: number): string {
  let folded = codePointFolds.get(codePoint);
  if (folded === undefined) {
    folded = classifyChar(String.fromCodePoint(codePoint)).folded;
    codePointFolds.set(codePoint, folded);
  }
  return folded;
}

/** The table the normalizer reads directly in its hot loop. */
export const KIND_TABLE: Uint8Array = kinds;
/** The table of single-unit folds the normalizer reads directly in its hot loop. */
export const FOLDED_UNIT_TABLE: Uint16Array = foldedUnits;

/**
 * ASCII, filled up front without classifyChar: in the content script's cold engine, 128 calls of
 * it (three Unicode property regexes to compile, a normalize per character) took 2-18 ms of every
 * page's start. Controls and the space are spaces; A-Z fold to a-z; the rest go through
 * foldPunctuation (the backtick becomes an apostrophe) and are otherwise themselves.
 * tests/unit/matcher/fold-code-unit.test.ts checks this against classifyChar for every ASCII character.
 */
function fillAscii(): void {
  for (let unit = 0; unit < 0x80; unit++) {
    if (unit <= 0x20 || unit === 0x7f) {
      kinds[unit] = KIND_SPACE;
      continue;
    }
    kinds[unit] = KIND_SINGLE;
    foldedUnits[unit] = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : foldPunctuation(unit);
  }
}

fillAscii();

declare global {
  /** Set by vite's `define` (vite.config.ts) to encodeFoldSeed(); absent in unit tests. */
  const __CC_FOLD_SEED__: string | undefined;
}

/**
 * Latin-1, Latin Extended-A and B, and General Punctuation: where most of the non-ASCII
 * characters of news pages are (curly quotes, dashes, the no-break space, accented letters, the
 * ellipsis). Classifying one on first sight compiles three Unicode property regexes and
 * normalizes it: 1.3-1.6 ms for the 7 distinct non-ASCII characters the median corpus page
 * holds, in a cold page of headless Chromium 156 (median of 10-12). The build classifies them
 * once instead (encodeFoldSeed), and a page reads the entry of each character it meets.
 */
export const SEEDED_RANGES: readonly (readonly [number, number])[] = [
  [0x80, 0x250],
  [0x2000, 0x2070],
];
const SEEDED_UNITS = SEEDED_RANGES.reduce((sum, [from, to]) => sum + to - from, 0);
const SEED = typeof __CC_FOLD_SEED__ === 'string' ? __CC_FOLD_SEED__ : '';

/**
 * The classification of SEEDED_RANGES, made at build time: per code unit, two code units, its
 * kind as '0' + kind and then its single-unit fold, or '0' + the index of its expansion; after
 * them, the expansions joined by NUL (a character no fold holds). Surrogates are not in the
 * ranges.
 */
export function encodeFoldSeed(): string {
  const parts: string[] = [];
  const expanded: string[] = [];
  for (const [from, to] of SEEDED_RANGES) {
    for (let unit = from; unit < to; unit++) {
      const { kind, folded } = classifyChar(String.fromCharCode(unit));
      let data = 0x30;
      if (kind === KIND_SINGLE) data = folded.charCodeAt(0);
      else if (kind === KIND_EXPAND) data = 0x30 + expanded.push(folded) - 1;
      parts.push(String.fromCharCode(0x30 + kind, data));
    }
  }
  return parts.join('') + expanded.join('\0');
}

let seedExpansions: { seed: string; list: string[] } | undefined;

/** The seed's entry for `unit` (classifyChar's answer, made at build time), or undefined when it has none. */
export function readFoldSeed(seed: string, unit: number): { kind: number; folded: string } | undefined {
  if (seed.length < 2 * SEEDED_UNITS) return undefined;
  let index = -1;
  let base = 0;
  for (const [from, to] of SEEDED_RANGES) {
    if (unit >= from && unit < to) index = base + unit - from;
    base += to - from;
  }
  if (index < 0) return undefined;
  const kind = seed.charCodeAt(2 * index) - 0x30;
  const data = seed.charCodeAt(2 * index + 1);
  if (kind === KIND_SINGLE) return { kind, folded: String.fromCharCode(data) };
  if (kind === KIND_SPACE) return { kind, folded: ' ' };
  if (kind === KIND_IGNORABLE || kind === KIND_MARK) return { kind, folded: '' };
  if (kind !== KIND_EXPAND) return undefined;
  if (seedExpansions?.seed !== seed)
    seedExpansions = { seed, list: seed.slice(2 * SEEDED_UNITS).split('\0') };
  const folded = seedExpansions.list[data - 0x30];
  return folded ? { kind, folded } : undefined;
}
