/**
 * Inline elements: text inside them joins the text around them into one block,
 * so "Vladimir <b>Putin</b>" is scanned as one phrase. Anything else starts a
 * new block. Tag names avoid getComputedStyle, which would force style
 * recalculation on every page.
 */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'NOBR',
  'BIG',
]);

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
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
