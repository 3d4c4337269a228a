import type { TextBlock } from './walk-text-blocks.ts';

/** Index of the last node that starts at or before `offset` (starts are sorted). */
function findNodeIndex(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
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
  const { nodes: blockNodes, starts } = block;
  if (blockNodes.length === 0 || end <= start) return undefined;
  const first = findNodeIndex(starts, start);
  const last = findNodeIndex(starts, end - 1);
  const startNode = blockNodes[first] as Text;
  const endNode = blockNodes[last] as Text;
  const startOffset = start - (starts[first] as number);
  const endOffset = end - (starts[last] as number);
  // node.length, not node.data.length: in Firefox every read of .data through the content
  // script's Xray copies the whole string, 10 MB per mention on a page with one huge text node.
  if (startOffset > startNode.length || endOffset > endNode.length) return undefined;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return { range, nodes: blockNodes.slice(first, last + 1) };
}
