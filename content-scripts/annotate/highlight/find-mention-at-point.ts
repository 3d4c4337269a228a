import type { MentionRecord, MentionStore } from '../scan/mention-store.ts';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

/** The text position under a point, looking into the open shadow roots we annotate. */
function findCaretAtPoint(
  document: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): CaretPoint | undefined {
  const caretDocument = document as CaretDocument;
  if (typeof caretDocument.caretPositionFromPoint === 'function') {
    const position = caretDocument.caretPositionFromPoint(
      x,
      y,
      shadowRoots.length ? { shadowRoots } : undefined,
    );
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function isPointInRects(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * Hit-tests the pointer against our mentions without any element of ours in
 * the page: the caret position names a text node, the node's mentions are
 * candidates, and the mention's own client rects decide whether the pointer
 * is on the word rather than merely near it.
 */
export function findMentionAtPoint(
  document: Document,
  x: number,
  y: number,
  mentions: MentionStore,
  shadowRoots: ShadowRoot[] = [],
): MentionRecord | undefined {
  const caret = findCaretAtPoint(document, x, y, shadowRoots);
  if (!caret) return undefined;
  for (const record of mentions.findByNode(caret.node)) {
    if (isPointInRects(record.range, x, y)) return record;
  }
  return undefined;
}
