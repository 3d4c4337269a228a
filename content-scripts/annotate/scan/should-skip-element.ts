/**
 * Local names of elements whose text is never annotated. Local names, not tag names: tagName is
 * upper case in HTML documents but as written in XHTML ones ("script"), localName is the same in both.
 */
const SKIPPED_TAGS = new Set([
  // Never shown: the title is the tab's label, not text on the page.
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'svg',
  'math',
]);

/**
 * Hidden content, editable content, and the roots of rich-text editors that manage their own
 * DOM (ProseMirror, CodeMirror, Monaco… mark them role=textbox).
 */
const SKIPPED_BY_ATTRIBUTE =
  '[hidden],[aria-hidden="true"],[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

/** The tag of the element that hosts our card; never annotate our own UI. */
export const CARD_HOST_TAG = 'context-cards-host';

/**
 * Whether an element and everything inside it must be left alone: code, form
 * fields, editors, hidden content and our own UI. `localName`: the element's, when the caller
 * has read it already (each read is a call into the browser).
 */
export function shouldSkipElement(element: Element, localName = element.localName): boolean {
  if (SKIPPED_TAGS.has(localName) || localName === CARD_HOST_TAG) return true;
  // Many elements carry no attribute at all; the rest take one selector match, not four
  // attribute reads (each a call into the browser, and a string for every value found).
  return element.hasAttributes() && element.matches(SKIPPED_BY_ATTRIBUTE);
}

/** Whether a node sits inside something we never annotate; re-scans start mid-tree, so they check the ancestors. */
export function isInsideSkippedElement(node: Node): boolean {
  for (
    let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    element;
    element = element.parentElement
  ) {
    if (shouldSkipElement(element)) return true;
  }
  return false;
}
