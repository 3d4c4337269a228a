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

/** Scratch for findBlockElement, which runs for most text nodes of a page: no array per call. */
const path: Element[] = [];

/** The nearest ancestor (or self) that is not inline, or the root node when there is none. */
export function findBlockElement(start: Element | null, root: Node, cache: Map<Element, Node>): Node {
  path.length = 0;
  let current: Element | null = start;
  let block: Node = root;
  while (current) {
    const cached = cache.get(current);
    if (cached) {
      block = cached;
      break;
    }
    path.push(current);
    if (!isInlineElement(current) || current === root) {
      block = current;
      break;
    }
    current = current.parentElement;
  }
  for (let index = 0; index < path.length; index++) cache.set(path[index] as Element, block);
  path.length = 0;
  return block;
}
