/**
 * Rules for single store fields, each answering "what is wrong with this value, in plain
 * language?" or undefined when nothing is. `store-schema.ts` wires them into the valibot schema.
 *
 * Each pattern is written once and used both here and in the published JSON Schema, so the two
 * cannot drift apart silently. They are ECMA-262 sources valid with the `u` flag, as Ajv reads them.
 */
import { isLanguageTag, LANGUAGE_TAG_PATTERN, MAX_LANGUAGE_TAG_LENGTH } from './is-language-tag.ts';

export const LIMITS = {
  entities: 2000,
  aliases: 500,
  /** Items in facts, later, related, contextWords. */
  listItems: 500,
  /** Items in corrections and in an alias's exclude list. */
  shortListItems: 100,
  /** Prose: role, fact text, correction text. */
  text: 2000,
  summaryMin: 20,
  summaryMax: 400,
  /** Names, titles, labels, publisher. */
  line: 300,
  /** Alias text, exclude phrases, context words. */
  alias: 200,
  url: 2000,
  id: 100,
  lang: MAX_LANGUAGE_TAG_LENGTH,
} as const;

export const PATTERNS = {
  id: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  date: '^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$',
  lang: LANGUAGE_TAG_PATTERN,
  /** Non-empty, no leading or trailing whitespace (the same set `String.prototype.trim` removes). */
  trimmed: '^\\S(?:[\\s\\S]*\\S)?$',
  /** `<` followed by a letter, `/`, `!` or `?` would start a tag, comment or processing instruction. */
  noMarkup: '^(?![\\s\\S]*<[A-Za-z/!?])',
  /** No C0 or C1 control character or DEL, except line feed. */
  noControlExceptNewline: '^[^\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F]*$',
  noControl: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$',
  urlCharacters: '^[^\\s\\u0000-\\u001F\\u007F-\\u009F<>]*$',
  /** http(s), a host without user info or backslash; no whitespace, control characters or < >. */
  url: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\u0000-\\u001F\\u007F-\\u009F<>/?#@\\\\]+(?:[/?#][^\\s\\u0000-\\u001F\\u007F-\\u009F<>]*)?$',
} as const;

const RE = Object.fromEntries(
  Object.entries(PATTERNS).map(([name, source]) => [name, new RegExp(source, 'u')]),
) as { [K in keyof typeof PATTERNS]: RegExp };

/** Shows a value inside a message without letting a huge or control-laden string through. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `text ${quote(value, 30)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Counts code points, as JSON Schema's minLength/maxLength do, so an emoji counts once. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}

function describeCharacter(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface TextRule {
  min: number;
  max: number;
  /** Prose may hold line breaks; names, aliases and titles are single lines. */
  multiline: boolean;
}

export function findTextProblem(text: string, rule: TextRule): string | undefined {
  if (text.length === 0) return 'must not be empty';
  // A character is one or two UTF-16 code units, so the cheap count settles most strings: at most
  // `max` units is at most `max` characters, and at least 2 x `min` units is at least `min` characters.
  const cheap = text.length <= rule.max && text.length >= 2 * rule.min;
  const length = cheap ? text.length : countCharacters(text);
  if (length < rule.min || length > rule.max) {
    const range =
      rule.min > 1 ? `${rule.min} to ${rule.max} characters long` : `at most ${rule.max} characters`;
    return `must be ${range} (it has ${length})`;
  }
  if (!RE.trimmed.test(text)) return 'must not start or end with spaces or line breaks';
  const allowedPattern = rule.multiline ? RE.noControlExceptNewline : RE.noControl;
  if (!allowedPattern.test(text)) {
    const found = [...text].find((char) => !allowedPattern.test(char)) ?? '';
    const allowed = rule.multiline ? 'only line breaks are allowed' : 'it must be a single line';
    return `must not contain control characters (found ${describeCharacter(found)}; ${allowed})`;
  }
  if (!RE.noMarkup.test(text)) {
    const found = /<[A-Za-z/!?][^<>\s]{0,10}/u.exec(text)?.[0] ?? '<';
    return `must not contain markup (found ${quote(found)}); store text is shown as plain text, never as HTML`;
  }
  return undefined;
}

export function findUrlProblem(url: string): string | undefined {
  if (url.length > LIMITS.url) return `must be at most ${LIMITS.url} characters (it has ${url.length})`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/u.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    // Cards turn these into links: javascript: or data: would run or show whatever a pack wants.
    const which = scheme ? `; ${quote(`${scheme}:`, 20)} links are not allowed` : '';
    return `must be an http: or https: URL${which}`;
  }
  if (!/^https?:\/\//iu.test(url)) return 'must be an http: or https: URL starting with http:// or https://';
  if (!RE.urlCharacters.test(url)) {
    return 'must not contain spaces, control characters, < or > (percent-encode them)';
  }
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/u)[0] ?? '';
  // "https://en.wikipedia.org@example.com" shows one host and opens another.
  if (authority.includes('@')) return 'must not contain a user name or password before the host';
  if (authority.includes('\\')) return 'must not contain a backslash in the host name';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    return 'must be an http: or https: URL with a host name';
  }
  // Belt and braces: whatever passes here must also pass the published JSON Schema.
  if (!RE.url.test(url)) return 'is not a valid URL';
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function findDateProblem(date: string): string | undefined {
  if (!RE.date.test(date)) {
    return `must be a date written YYYY, YYYY-MM or YYYY-MM-DD (got ${quote(date, 40)})`;
  }
  const [year, month, day] = date.split('-').map(Number);
  if (year !== undefined && month !== undefined && day !== undefined && day > daysInMonth(year, month)) {
    return `${quote(date)} is not a real calendar date`;
  }
  return undefined;
}

export function findIdProblem(id: string): string | undefined {
  if (id.length > LIMITS.id) return `must be at most ${LIMITS.id} characters (it has ${id.length})`;
  if (!RE.id.test(id)) {
    return `must be kebab-case: lowercase letters and digits joined by single hyphens, e.g. "sergey-lavrov" (got ${quote(id, 40)})`;
  }
  return undefined;
}

export function findLangProblem(tag: string): string | undefined {
  return isLanguageTag(tag) ? undefined : 'must be a BCP 47 language tag such as "en", "ru", "ps" or "fa"';
}
