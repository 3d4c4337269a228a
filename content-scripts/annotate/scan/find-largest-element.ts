/** Above this many element children a region is a list, and its last element stands in for the largest. */
const MAX_CHILDREN_COMPARED = 16;

/**
 * The element child that most likely holds most of the text, judged by how many elements it
 * holds (counting them builds no string); the last one in a long list; undefined with none.
 */
export function findLargestElement(children: readonly ChildNode[], elements: number): Element | undefined {
  let largest: Element | undefined;
  let largestCount = -1;
  for (const child of children) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    if (elements === 1 || elements > MAX_CHILDREN_COMPARED) {
      largest = child as Element;
      continue;
    }
    const count = (child as Element).getElementsByTagName('*').length;
    if (count > largestCount) {
      largest = child as Element;
      largestCount = count;
    }
  }
  return largest;
}
