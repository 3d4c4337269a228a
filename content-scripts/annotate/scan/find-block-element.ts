/**
 * Inline elements: text inside them joins the text around them into one block,
 * so "Vladimir <b>Putin</b>" is scanned as one phrase. Anything else starts a
 * new block. Local names (as in should-skip-element.ts) avoid getComputedStyle,
 * which would force style recalculation on every page.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'kbd',
  'label',
  'mark',
  'q',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'nobr',
  'big',
]);

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

/**
 * The nearest ancestor (or self) that is not inline, or the root node when there is none.
 * No cache: a text node's parent is a block or one or two inline levels below one, and a few
 * tag reads cost less than a Map keyed by node wrappers (each key needs an identity hash).
 */
export function findBlockElement(start: Element | null, root: Node): Node {
  for (let current = start; current; current = current.parentElement) {
    if (current === root || !isInlineElement(current)) return current;
  }
  return root;
}

/**
 * Whether inline content (text or an inline element, whitespace aside) comes right before
 * `previous`'s end and right after `next`'s start: what sits between joins that content into one
 * block of text while it is absent or skipped.
 */
export function isBetweenInlineContent(previous: Node | null, next: Node | null): boolean {
  return hasInlineContent(previous, 'previousSibling') && hasInlineContent(next, 'nextSibling');
}

/** The first sibling in that direction that is not whitespace-only text is text or an inline element. */
function hasInlineContent(start: Node | null, direction: 'previousSibling' | 'nextSibling'): boolean {
  for (let node = start; node; node = node[direction]) {
    if (node.nodeType === Node.TEXT_NODE) {
      if ((node as Text).data.trim()) return true;
      continue;
    }
    return node.nodeType === Node.ELEMENT_NODE && isInlineElement(node as Element);
  }
  return false;
}
