import { findBlockElement, isBetweenInlineContent } from './find-block-element.ts';
import { isSkippedByAttributes, isSkippedByTag, shouldSkipElement } from './should-skip-element.ts';

/** An element that one batch of attribute changes showed to the scanner or hid from it. */
export interface SkipChange {
  element: Element;
  /** True when the element is left alone now (hidden, aria-hidden, made editable), false when it is scanned again. */
  skipped: boolean;
  /** The block to scan again: the element's own, or the one around it when its text joins the text there. */
  key: Node;
}

/**
 * The elements whose skip decision (should-skip-element.ts) changed over a batch of attribute
 * records. A batch may change one attribute several times, or several at once (a slide that
 * gets `hidden` and `aria-hidden` together): the element as it was before the batch has each
 * changed attribute's first old value and the others as they are now. An element that ends up
 * shown or hidden as before (a carousel flipping a slide twice, aria-hidden going from "false"
 * to absent, role from "tab" to "button") is not listed: it costs a few attribute reads.
 */
export function listSkipChanges(records: Iterable<MutationRecord>): SkipChange[] {
  const oldValues = new Map<Element, Map<string, string | null>>();
  for (const record of records) {
    const name = record.attributeName;
    if (record.type !== 'attributes' || name === null) continue;
    const element = record.target as Element;
    let values = oldValues.get(element);
    if (!values) {
      values = new Map();
      oldValues.set(element, values);
    }
    if (!values.has(name)) values.set(name, record.oldValue);
  }
  const changes: SkipChange[] = [];
  for (const [element, values] of oldValues) {
    const localName = element.localName;
    // Code, fields and our own host stay skipped whatever their attributes do.
    if (isSkippedByTag(localName)) continue;
    const skipped = shouldSkipElement(element, localName);
    const wasSkipped = isSkippedByAttributes((name) => {
      const old = values.get(name);
      return old === undefined ? element.getAttribute(name) : old;
    });
    if (skipped !== wasSkipped) changes.push({ element, skipped, key: findSkipChangeKey(element) });
  }
  return changes;
}

/**
 * The block whose text an element's skip change alters. An inline element's text is part of the
 * block around it. A block element's text is its own, unless it sits between inline content on
 * both sides: while it is skipped the walk joins that content into one block of its parent
 * ("Kabul" + hidden block + "ov" reads "Kabulov"), so the parent's block changes too.
 */
function findSkipChangeKey(element: Element): Node {
  const root = element.getRootNode();
  const key = findBlockElement(element, root);
  if (key !== element) return key;
  if (isBetweenInlineContent(element.previousSibling, element.nextSibling))
    return findBlockElement(element.parentElement, root);
  return key;
}
