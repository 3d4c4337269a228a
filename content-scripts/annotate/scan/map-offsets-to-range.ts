import type { TextBlock, TextSegment } from './walk-text-blocks.ts';

/** Index of the last segment that starts at or before `offset` (segments are sorted by start). */
function findSegmentIndex(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle] as TextSegment).start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

export interface MentionPosition {
  range: Range;
  /** Every text node the mention touches, for hit-testing. */
  nodes: Text[];
}

/**
 * Turns [start, end) of a block's joined text into a DOM Range over the
 * original text nodes. Returns undefined when the offsets fall on text that
 * is not in any node (a line break we inserted) or the node has changed.
 */
export function mapOffsetsToRange(block: TextBlock, start: number, end: number): MentionPosition | undefined {
  const { segments } = block;
  if (segments.length === 0 || end <= start) return undefined;
  const first = findSegmentIndex(segments, start);
  const last = findSegmentIndex(segments, end - 1);
  const startSegment = segments[first] as TextSegment;
  const endSegment = segments[last] as TextSegment;
  const startOffset = start - startSegment.start;
  const endOffset = end - endSegment.start;
  // node.length, not node.data.length: in Firefox every read of .data through the content
  // script's Xray copies the whole string, 10 MB per mention on a page with one huge text node.
  if (startOffset > startSegment.node.length || endOffset > endSegment.node.length) return undefined;
  const range = startSegment.node.ownerDocument.createRange();
  range.setStart(startSegment.node, startOffset);
  range.setEnd(endSegment.node, endOffset);
  const nodes: Text[] = [];
  for (let index = first; index <= last; index++) nodes.push((segments[index] as TextSegment).node);
  return { range, nodes };
}
