import type { PatternRecord } from './compile-patterns.ts';
import {
  classifyCodeUnit,
  FOLDED_UNIT_TABLE,
  findExpansion,
  foldCodePoint,
  foldPunctuation,
  KIND_EXPAND,
  KIND_HIGH_SURROGATE,
  KIND_SINGLE,
  KIND_SPACE,
  PUNCTUATION_FOLDED_UNITS,
} from './fold-code-unit.ts';
import { makeStrictForm } from './make-strict-form.ts';

/**
 * A native first look at a whole page's text, read at once: can the matcher find a mention in
 * it? When it cannot, the page is not folded and scanned character by character in JavaScript
 * (create-annotator.ts), which on a page naming no one was most of our time on it.
 *
 * The matcher folds text one code unit at a time (fold-code-unit.ts). Most of that fold is what
 * the engine's own `normalize('NFKD')`, a removal of marks and invisible characters, the
 * apostrophe and dash folds, and `toLowerCase()` do to a whole string in native code. The code
 * units where the two differ ("ß" folds to "ss", "Σ" lowercases by context) are listed once per
 * engine (`findUnsafeUnits`); text holding none of them reads the same both ways, so a pattern
 * the matcher would see is in the native view, and regular expressions over the patterns answer.
 * Text holding one of them is scanned as before. Case-sensitive aliases ("IS", "UN") are looked
 * for in the case-keeping view by their strict form, so the many lowercase "is" do not count.
 *
 * A space of a pattern matches any whitespace or none: the words of a name can be split by a
 * line break or an element boundary, which the text read at once does not show. Word boundaries
 * are not checked. A mention needs a strong alias, or a weak one and a context word of its
 * entity (resolve-weak-mentions.ts). So this can say "maybe" where there is no one, never "no"
 * where the matcher finds a mention (tests/unit/matcher/prefilter.test.ts checks it against the
 * matcher on random text).
 */

/** What the background stores with the name list (stored-matcher.ts). */
export interface SerializedPrefilter {
  /**
   * Alternations of patterns (see toSource) of the strong aliases: in the folded (lowercased)
   * view, and for case-sensitive ones in the case-keeping view. '' when there are none.
   */
  strong: string;
  strongStrict: string;
  /** Per entity with weak aliases: its weak aliases (as above) and its context words (folded). */
  weak: SerializedWeakEntity[];
  /** A character class of the code units where the native view and the matcher's fold differ. */
  unsafe: string;
}

export interface SerializedWeakEntity {
  folded: string;
  strict: string;
  confirm: string;
}

export interface Prefilter {
  /** False only when the matcher would find no mention in `text`. */
  mayHaveMention(text: string): boolean;
  /** False only when `text` holds no alias at all, weak ones unconfirmed included. */
  mayHaveAlias(text: string): boolean;
}

/** Marks and invisible characters: what the matcher drops (KIND_MARK, KIND_IGNORABLE). */
const DROPPED = /[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\u0640]+/gu;
const hex = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

function toClass(sorted: readonly number[]): string {
  let out = '';
  for (let at = 0; at < sorted.length; ) {
    const from = sorted[at] as number;
    let to = from;
    while (sorted[at + 1] === to + 1) {
      to++;
      at++;
    }
    at++;
    out += to === from ? hex(from) : to === from + 1 ? hex(from) + hex(to) : `${hex(from)}-${hex(to)}`;
  }
  return `[${out}]`;
}

/** The units foldPunctuation replaces (apostrophes, dashes, Arabic letter variants). */
const PUNCTUATION = new RegExp(toClass([...PUNCTUATION_FOLDED_UNITS].sort((x, y) => x - y)), 'g');
const foldPunctuationChar = (char: string): string =>
  String.fromCharCode(foldPunctuation(char.charCodeAt(0)));
/**
 * A run of the characters the view can change: outside ASCII, or the backtick. Between two runs
 * is ASCII, which reads the same in the view; and every ASCII character starts a new character
 * for NFKD (none combines with what comes before it), so a run's view does not depend on its
 * neighbours and the view of the text is that of its runs, in place.
 */
const SPECIAL_RUN = /[^\0-\x5f\x61-\x7f]+/g;
/**
 * Past this many runs (text in a script other than Latin) the rest of the text is viewed in one
 * call, which is then cheaper than one call per run.
 */
const MAX_RUNS = 512;

/** Every ASCII character. */
const ALL_ASCII = String.fromCharCode(...Array.from({ length: 128 }, (_, unit) => unit));

const viewOfRun = (run: string): string =>
  run.normalize('NFKD').replace(DROPPED, '').replace(PUNCTUATION, foldPunctuationChar);

/**
 * The case-keeping native view of `text`: compatibility-decomposed, marks and invisibles dropped,
 * punctuation folded. Only the runs outside ASCII are decomposed, so a page in English with a few
 * curly quotes costs one search for them, not a decomposition of its whole text. With `unsafe`
 * (which matches no ASCII), undefined when a run holds a code unit it matches.
 */
export function viewKeepingCase(text: string): string;
export function viewKeepingCase(text: string, unsafe: RegExp | undefined): string | undefined;
export function viewKeepingCase(text: string, unsafe?: RegExp): string | undefined {
  SPECIAL_RUN.lastIndex = 0;
  let match = SPECIAL_RUN.exec(text);
  if (!match) return text;
  let view = '';
  let from = 0;
  for (let runs = 0; match; match = SPECIAL_RUN.exec(text)) {
    if (++runs > MAX_RUNS) {
      const rest = text.slice(from);
      return unsafe?.test(rest) ? undefined : view + viewOfRun(rest);
    }
    const run = match[0];
    if (unsafe?.test(run)) return undefined;
    view += text.slice(from, match.index) + viewOfRun(run);
    from = match.index + run.length;
  }
  return view + text.slice(from);
}

/** The matcher's fold of one code point, as a string ('' when dropped, ' ' for whitespace). */
function foldOf(char: string): string {
  if (char.length === 2) return foldCodePoint(char.codePointAt(0) as number);
  const unit = char.charCodeAt(0);
  const kind = classifyCodeUnit(unit);
  if (kind === KIND_SINGLE) return String.fromCharCode(FOLDED_UNIT_TABLE[unit] as number);
  if (kind === KIND_EXPAND) return findExpansion(unit);
  if (kind === KIND_SPACE) return ' ';
  if (kind === KIND_HIGH_SURROGATE) return char;
  return '';
}

const isSpaces = (text: string): boolean => /^[\s\p{Cc}\p{Zs}\p{Zl}\p{Zp}\u0085]*$/u.test(text);

/** True when the native views of `char` read as the matcher's fold and strict form of it. */
function isSafe(char: string): boolean {
  const kept = viewKeepingCase(char);
  const folded = foldOf(char);
  // Whitespace: the matcher reads one space, the view the characters themselves; no word holds either.
  if (folded === ' ') return isSpaces(kept);
  if (kept.toLowerCase() !== folded) return false;
  return folded === '' ? kept === '' : kept === makeStrictForm(char, false, true);
}

/** Supplementary planes whose characters can fold to something else (the rest fold to themselves). */
const SUPPLEMENTARY_RANGES: readonly (readonly [number, number])[] = [
  [0x10000, 0x20000],
  [0x2f800, 0x2fa20],
  [0xe0000, 0xe1000],
];

/**
 * The code units where the native views differ from the matcher (see the top of this file), as
 * a regular-expression character class. A supplementary character that differs lists its lead
 * surrogate. "Σ" is listed whatever it reads alone: `toLowerCase` makes it "ς" at a word's end.
 */
export function findUnsafeUnits(): string {
  const units = new Set<number>([0x03a3]);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    if (!isSafe(String.fromCharCode(unit))) units.add(unit);
  }
  for (const [from, to] of SUPPLEMENTARY_RANGES) {
    for (let codePoint = from; codePoint < to; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      if (!isSafe(char)) units.add(char.charCodeAt(0));
    }
  }
  return toClass([...units].sort((a, b) => a - b));
}

const escapeWord = (word: string): string => word.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Whatever a space of a pattern can be in the page's text read at once: whitespace, or nothing (an element boundary). */
const SEPARATOR = '[\\s\\0-\\x1f\\x7f-\\x9f]*';

/**
 * A folded pattern or strict form as the atoms of a regular expression (characters, escaped
 * where needed, and separators), or undefined when it cannot be one.
 */
function toAtoms(form: string): string[] | undefined {
  const words = form.split(' ').filter((word) => word !== '');
  // A lone surrogate half would not match its pair in a regular expression without the u flag.
  if (words.length === 0 || /[\ud800-\udfff]/.test(form)) return undefined;
  return words.flatMap((word, index) => {
    const atoms = [...word].map(escapeWord);
    return index === 0 ? atoms : [SEPARATOR, ...atoms];
  });
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: boolean;
}

/**
 * One alternation of forms, written as a tree of their common beginnings ("russia|russian|rf"
 * becomes "r(?:ussia|f)"): the engine then tries each beginning once at a place, not once per
 * form, which made a search through half a megabyte of text three times faster. A form that
 * another begins with stands for both, as finding it is enough.
 */
function toAlternation(forms: readonly (readonly string[])[]): string {
  const root: TrieNode = { next: new Map(), ends: false };
  for (const atoms of forms) {
    let node = root;
    for (const atom of atoms) {
      if (node.ends) break;
      let child = node.next.get(atom);
      if (!child) {
        child = { next: new Map(), ends: false };
        node.next.set(atom, child);
      }
      node = child;
    }
    node.ends = true;
  }
  const write = (node: TrieNode): string => {
    if (node.ends) return '';
    const branches = [...node.next].map(([atom, child]) => atom + write(child));
    return branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  };
  return root.next.size === 0 ? '' : write(root);
}

/**
 * Past this many characters of expressions (the bundled store needs about 10,000) compiling them
 * on every page would cost more than the look saves; pages are then scanned as before.
 */
const MAX_SOURCE_CHARS = 65_536;

/** Drops forms that hold another form of the list: the shorter one is found wherever the longer is. */
function minimalForms(forms: Iterable<string>): string[] {
  const sorted = [...new Set(forms)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const form of sorted) if (!kept.some((shorter) => form.includes(shorter))) kept.push(form);
  return kept;
}

/**
 * The prefilter for a pattern table. A page may name someone when it holds a strong alias, or a
 * weak alias and a context word of the same entity: a weak mention stays only when its entity is
 * confirmed, by a strong mention (found by the first look) or a context word
 * (resolve-weak-mentions.ts). Undefined when some pattern cannot be written as a regular
 * expression; pages are then scanned as before.
 */
export function buildPrefilter(
  patterns: readonly string[],
  recordsOf: readonly (readonly number[])[],
  records: readonly PatternRecord[],
  unsafe: string,
): SerializedPrefilter | undefined {
  const strong: string[] = [];
  const strongStrict: string[] = [];
  const weak = new Map<number, { folded: string[]; strict: string[]; confirm: string[] }>();
  const contextWords: { entityIndex: number; form: string }[] = [];
  for (let pattern = 0; pattern < patterns.length; pattern++) {
    const form = patterns[pattern] as string;
    for (const index of recordsOf[pattern] ?? []) {
      const record = records[index];
      if (record?.kind === 'context') contextWords.push({ entityIndex: record.entityIndex, form });
      if (record?.kind !== 'alias') continue;
      // A case-sensitive alias that folds diacritics must also match its strict form, case kept.
      const strictForm =
        record.caseSensitive && record.foldDiacritics && typeof record.strictForm === 'string'
          ? record.strictForm
          : undefined;
      if (record.strength !== 'weak') {
        if (strictForm === undefined) strong.push(form);
        else strongStrict.push(strictForm);
        continue;
      }
      let entity = weak.get(record.entityIndex);
      if (!entity) {
        entity = { folded: [], strict: [], confirm: [] };
        weak.set(record.entityIndex, entity);
      }
      if (strictForm === undefined) entity.folded.push(form);
      else entity.strict.push(strictForm);
    }
  }
  for (const { entityIndex, form } of contextWords) weak.get(entityIndex)?.confirm.push(form);
  let writable = true;
  const sources = (list: readonly string[]): string => {
    const out: string[][] = [];
    for (const form of minimalForms(list.map((form) => form.split(' ').filter(Boolean).join(' ')))) {
      const atoms = toAtoms(form);
      if (atoms === undefined) writable = false;
      else out.push(atoms);
    }
    return toAlternation(out);
  };
  const built: SerializedPrefilter = {
    strong: sources(strong),
    strongStrict: sources(strongStrict),
    weak: [...weak.values()].map((entity) => ({
      folded: sources(entity.folded),
      strict: sources(entity.strict),
      confirm: sources(entity.confirm),
    })),
    unsafe,
  };
  const size = [
    built.strong,
    built.strongStrict,
    ...built.weak.flatMap((entity) => Object.values(entity)),
  ].reduce((sum, source) => sum + source.length, 0);
  return writable && size <= MAX_SOURCE_CHARS ? built : undefined;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A regular expression for a stored alternation; undefined for '' (which would match anything). */
const compile = (source: string, flags?: string): RegExp | undefined =>
  source === '' ? undefined : new RegExp(source, flags);

/** The weak aliases of every entity in one view: where any may start, then which entity's starts there. */
interface WeakLook {
  any: RegExp;
  /** Sticky, per entity (undefined when it has none in this view). */
  each: (RegExp | undefined)[];
}

function compileWeakLook(sources: readonly string[]): WeakLook | undefined {
  const some = sources.filter((source) => source !== '');
  if (some.length === 0) return undefined;
  return { any: new RegExp(some.join('|'), 'g'), each: sources.map((source) => compile(source, 'y')) };
}

/**
 * True when some entity has a weak alias in `view` and a context word in `folded`. Every place
 * where a weak alias starts is looked at (one unit on after each), so an alias that starts inside
 * another's is not passed over.
 */
function isWeakConfirmed(
  look: WeakLook | undefined,
  view: string,
  folded: string,
  confirm: readonly (RegExp | undefined)[],
): boolean {
  if (!look) return false;
  /** Entities whose weak alias was found and whose context words were looked for. */
  const judged = new Set<number>();
  const { any, each } = look;
  any.lastIndex = 0;
  for (let match = any.exec(view); match; match = any.exec(view)) {
    for (let entity = 0; entity < each.length; entity++) {
      const alias = each[entity];
      if (!alias || judged.has(entity)) continue;
      alias.lastIndex = match.index;
      if (!alias.test(view)) continue;
      judged.add(entity);
      if (confirm[entity]?.test(folded)) return true;
    }
    if (judged.size === each.length) return false;
    any.lastIndex = match.index + 1;
  }
  return false;
}

/** The prefilter of a stored value, or undefined when it is absent or damaged (pages are then scanned as before). */
export function createPrefilter(serialized: unknown): Prefilter | undefined {
  if (typeof serialized !== 'object' || serialized === null) return undefined;
  const value = serialized as Record<string, unknown>;
  if (!isString(value.strong) || !isString(value.strongStrict) || !isString(value.unsafe)) return undefined;
  if (value.unsafe === '' || !Array.isArray(value.weak)) return undefined;
  const weak = value.weak as unknown[];
  const isEntity = (entity: unknown): entity is SerializedWeakEntity =>
    typeof entity === 'object' &&
    entity !== null &&
    isString((entity as SerializedWeakEntity).folded) &&
    isString((entity as SerializedWeakEntity).strict) &&
    isString((entity as SerializedWeakEntity).confirm);
  if (!weak.every(isEntity)) return undefined;
  let strong: RegExp | undefined;
  let strongStrict: RegExp | undefined;
  let unsafe: RegExp | undefined;
  let weakFolded: WeakLook | undefined;
  let weakStrict: WeakLook | undefined;
  let confirm: (RegExp | undefined)[];
  try {
    strong = compile(value.strong);
    strongStrict = compile(value.strongStrict);
    unsafe = compile(value.unsafe);
    weakFolded = compileWeakLook(weak.map((entity) => entity.folded));
    weakStrict = compileWeakLook(weak.map((entity) => entity.strict));
    confirm = weak.map((entity) => compile(entity.confirm));
  } catch {
    return undefined;
  }
  const weakAny = (view: string, look: WeakLook | undefined): boolean => {
    if (!look) return false;
    look.any.lastIndex = 0;
    return look.any.test(view);
  };
  // The view looks for unsafe units in its runs only, which hold all text outside ASCII; an
  // engine that listed an ASCII unit has the whole text searched for them instead.
  const asciiUnsafe = unsafe?.test(ALL_ASCII) === true;
  /** The two native views of `text`, or true when it may hold a strong alias or an unsafe unit. */
  const strongViews = (text: string): true | { kept: string; folded: string } => {
    if (asciiUnsafe && unsafe?.test(text)) return true;
    const kept = viewKeepingCase(text, asciiUnsafe ? undefined : unsafe);
    if (kept === undefined) return true;
    const folded = kept.toLowerCase();
    return strong?.test(folded) || strongStrict?.test(kept) ? true : { kept, folded };
  };
  return {
    mayHaveAlias(text) {
      const views = strongViews(text);
      if (views === true) return true;
      return weakAny(views.folded, weakFolded) || weakAny(views.kept, weakStrict);
    },
    mayHaveMention(text) {
      const views = strongViews(text);
      if (views === true) return true;
      const { kept, folded } = views;
      return (
        isWeakConfirmed(weakFolded, folded, folded, confirm) ||
        isWeakConfirmed(weakStrict, kept, folded, confirm)
      );
    },
  };
}
