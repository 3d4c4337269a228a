import { classifyCodeUnit, KIND_IGNORABLE, KIND_SPACE } from './fold-code-unit.ts';
import { isWordCodeUnit } from './is-word-unit-at.ts';

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

function isSeparator(unit: number): boolean {
  const kind = classifyCodeUnit(unit);
  return kind === KIND_SPACE || kind === KIND_IGNORABLE || HYPHENS.has(unit);
}

/**
 * The word next to `from` in `direction` (-1 left, +1 right), when only whitespace or
 * hyphens separate them; '' when punctuation, a bracket or the block edge comes first.
 * Returns the word and the index just past it (in `direction`) as `[word, next]`.
 */
function findNeighbourWord(text: string, from: number, direction: -1 | 1): [string, number] {
  let i = direction < 0 ? from - 1 : from;
  while (i >= 0 && i < text.length && isSeparator(text.charCodeAt(i))) i += direction;
  const edge = i;
  while (i >= 0 && i < text.length && isWordCodeUnit(text.charCodeAt(i))) i += direction;
  if (i === edge) return ['', i];
  const word = direction < 0 ? text.slice(i + 1, edge + 1) : text.slice(edge, i);
  return [word, direction < 0 ? i + 1 : i];
}

/** 1: an ALL-CAPS word of two letters or more; 0: a one-letter capital ("A", "I"); -1: other. */
function rateWord(word: string): number {
  if (word === '' || !UPPER.test(word) || LOWER.test(word)) return -1;
  return word.length >= 2 ? 1 : 0;
}

function hasCapsNeighbour(text: string, from: number, direction: -1 | 1): boolean {
  let at = from;
  for (let step = 0; step < 3; step++) {
    const [word, next] = findNeighbourWord(text, at, direction);
    const rating = rateWord(word);
    if (rating !== 0) return rating > 0;
    at = next;
  }
  return false;
}

/**
 * True when an ALL-CAPS alias at `text[start..end)` sits among ALL-CAPS words, as in
 * headlines and shouted labels: "THIS IS A HEADLINE", "UN DAY IS HERE", "UN-BACKED".
 * Neighbours are the nearest words separated only by whitespace or hyphens; one-letter
 * capitals ("A", "I") are looked past. Brackets and punctuation stop the search, so the
 * dateline "MOSCOW (AP) —" keeps "AP", and "US, UN and EU" keeps "UN".
 */
export function isInCapsRun(text: string, start: number, end: number): boolean {
  return hasCapsNeighbour(text, start, -1) || hasCapsNeighbour(text, end, 1);
}
