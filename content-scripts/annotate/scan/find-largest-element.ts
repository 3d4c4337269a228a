/** Above this many element children a region is a list, and its last element stands in for the largest. */
const MAX_CHILDREN_COMPARED = 16;

export interface LargestElement {
  /** The element child that most likely holds most of the text; undefined with none. */
  largest: Element | undefined;
  /** How many elements each element child holds, where they were compared. */
  counts?: Map<Element, number>;
}

/**
 * The element child that most likely holds most of the text, judged by how many elements it
 * holds (counting them builds no string); the last one in a long list.
 *
 * Counting is a walk of the child's subtree, and a page's wrappers nest one big child in
 * another, so counting every child at every level walked the page again and again (151,000
 * elements on the 38,000-element Wikipedia table). When the region's own count is known
 * (`total`), the child with the most element children of its own, the likely largest, is not
 * counted: its count is what the others leave of the total (246 elements counted on that page).
 * A wrong guess costs only the counting it would have saved; a page that changed since the total
 * was taken at worst picks a smaller child, which costs time, not correctness (the caller checks
 * the sizes it derives).
 */
export function findLargestElement(
  children: readonly ChildNode[],
  elements: number,
  total?: number,
): LargestElement {
  let last: Element | undefined;
  for (let index = children.length - 1; index >= 0 && !last; index--) {
    const child = children[index] as ChildNode;
    if (child.nodeType === Node.ELEMENT_NODE) last = child as Element;
  }
  if (elements <= 1 || elements > MAX_CHILDREN_COMPARED) {
    const counts = elements === 1 && last && total !== undefined ? new Map([[last, total - 1]]) : undefined;
    return { largest: last, counts };
  }
  let guess: Element | undefined;
  let guessChildren = -1;
  if (total !== undefined) {
    for (const child of children) {
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const own = (child as Element).childElementCount;
      if (own >= guessChildren) {
        guess = child as Element;
        guessChildren = own;
      }
    }
  }
  const counts = new Map<Element, number>();
  let counted = 0;
  for (const child of children) {
    if (child.nodeType !== Node.ELEMENT_NODE || child === guess) continue;
    const count = (child as Element).getElementsByTagName('*').length;
    counts.set(child as Element, count);
    counted += count;
  }
  if (guess && total !== undefined) counts.set(guess, Math.max(0, total - elements - counted));
  let largest: Element | undefined;
  let largestCount = -1;
  for (const child of children) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const count = counts.get(child as Element) as number;
    if (count > largestCount) {
      largest = child as Element;
      largestCount = count;
    }
  }
  return { largest, counts };
}
