import type { Matcher } from '../../../src/matcher/compile-matcher.ts';
import { isInlineElement } from './find-block-element.ts';
import { isSkippedByTag } from './should-skip-element.ts';

/** A matcher's findCandidates and canJoin (see src/matcher/matcher-types.ts). */
export type FindCandidates = NonNullable<Matcher['findCandidates']>;
export type CanJoin = NonNullable<Matcher['canJoin']>;

/** Characters read on each side of a junction: more than any alias. */
const JUNCTION_EDGE = 256;

/**
 * The inline text next to `start` going one way, up to JUNCTION_EDGE characters, and whether it
 * stopped short at the end of its parent (text in an inline parent may go on past it).
 */
function readInlineSide(
  start: Node | null,
  direction: 'previousSibling' | 'nextSibling',
): { text: string; open: boolean } {
  let text = '';
  for (let node = start; node; node = node[direction]) {
    if (text.length >= JUNCTION_EDGE) return { text, open: false };
    let part: string;
    if (node.nodeType === Node.TEXT_NODE) part = (node as Text).data;
    else if (node.nodeType !== Node.ELEMENT_NODE) continue;
    else if ((node as Element).localName === 'br') part = '\n';
    // Read as the walk reads it: code and drawings left out, inline text kept.
    else if (isSkippedByTag((node as Element).localName)) part = '';
    else if (isInlineElement(node as Element)) part = node.textContent ?? '';
    else return { text, open: false };
    text = direction === 'nextSibling' ? text + part : part + text;
  }
  return { text, open: true };
}

/** The text of a text node or an inline element (not code), or undefined for anything else. */
function readNeighbourText(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE) return undefined;
  const element = node as Element;
  if (!isInlineElement(element) || isSkippedByTag(element.localName)) return undefined;
  return element.textContent ?? undefined;
}

/**
 * Whether a candidate could span `element` in the walk's text, where the element reads as
 * `joiner` ("\n" for a line break, nothing for skipped content).
 */
export function isJunctionOfCandidate(
  element: Element,
  joiner: string,
  findCandidates: FindCandidates,
  canJoin?: CanJoin,
): boolean {
  const previous = element.previousSibling;
  const next = element.nextSibling;
  // A candidate across the junction holds the characters on both sides of it, and most pairs
  // ("Spurs", a line break, "(2007" in a table cell) are in no name: with text right next to the
  // junction on both sides, those two characters settle it and nothing more is read.
  if (canJoin) {
    const last = readNeighbourText(previous);
    const first = readNeighbourText(next);
    // The joiner is a line break or nothing: passed as a flag, as `last + joiner` would copy all of `last`.
    if (last !== undefined && first !== undefined && !canJoin(last, first, joiner !== '')) return false;
  }
  const before = readInlineSide(previous, 'previousSibling');
  const after = readInlineSide(next, 'nextSibling');
  if (!before.text.trim() || !after.text.trim()) return false;
  const parent = element.parentElement;
  if ((before.open || after.open) && parent && isInlineElement(parent)) return true;
  const junction = before.text.length;
  let spans = false;
  findCandidates(before.text + joiner + after.text, (start, end) => {
    spans ||= start < junction && end > junction + joiner.length;
  });
  return spans;
}
