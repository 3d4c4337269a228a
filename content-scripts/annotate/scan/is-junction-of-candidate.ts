import type { Matcher } from '../../../src/matcher/compile-matcher.ts';
import { isInlineElement } from './find-block-element.ts';
import { isSkippedByTag } from './should-skip-element.ts';

/** A matcher's findCandidates (see src/matcher/matcher-types.ts). */
export type FindCandidates = NonNullable<Matcher['findCandidates']>;

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

/**
 * Whether a candidate could span `element` in the walk's text, where the element reads as
 * `joiner` ("\n" for a line break, nothing for skipped content).
 */
export function isJunctionOfCandidate(
  element: Element,
  joiner: string,
  findCandidates: FindCandidates,
): boolean {
  const before = readInlineSide(element.previousSibling, 'previousSibling');
  const after = readInlineSide(element.nextSibling, 'nextSibling');
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
