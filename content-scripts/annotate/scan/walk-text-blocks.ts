import { findBlockElement } from './find-block-element.ts';
import { shouldSkipElement } from './should-skip-element.ts';

/** Text of one block (a paragraph, a cell, a heading…), joined across inline elements. */
export interface TextBlock {
  /** The block element (or root) that owns this text; re-scans replace everything under it. */
  key: Node;
  text: string;
  /**
   * The block's text nodes in order, and where each one's text starts in `text`. Two flat
   * arrays rather than an object per node: a 5 MB page has 245,000 text nodes, and the
   * garbage collector's time was a third of a first pass.
   */
  nodes: Text[];
  starts: number[];
}

export interface BlockWalker {
  /**
   * The next block in document order, or undefined when the walk is done. With `hasTime`, returns
   * null when time ran out inside a block (call again to resume): one block may hold 100,000
   * inline text nodes, too many to join in one task.
   */
  nextBlock(hasTime?: () => boolean): TextBlock | null | undefined;
  /** Nodes visited so far: the caller's measure of work done, as a block may span many nodes or few. */
  readonly visited: number;
  /**
   * Tells the walker that the page changed the text under `node` (a mutation's target; `childList`:
   * its children were added or removed) while the walk is under way; a walker that places what it
   * found by text it read earlier (prune-text-regions.ts) notes where that text moved.
   */
  noteChange?(node: Node, childList: boolean): void;
}

/** Nodes visited between two looks at the clock. */
const NODES_PER_CHECK = 64;

/**
 * Walks a document, element or shadow root one block at a time, so the caller
 * can stop between blocks and resume in a later task. Elements that must be
 * left alone are skipped with their whole subtree; open shadow roots met on
 * the way are handed to `onShadowRoot` to be walked on their own, and custom elements
 * without one yet to `onBareCustomElement`.
 *
 * `pruned`: elements known to hold nothing to find (prune-text-regions.ts), passed over with
 * their subtree. Where one holds text (its value is true) the block around it ends there, as
 * its own text would have ended it in a full walk.
 */
export function createBlockWalker(
  root: Node,
  onShadowRoot: (shadowRoot: ShadowRoot) => void,
  onBareCustomElement: (element: Element) => void = () => undefined,
  pruned?: ReadonlyMap<Element, boolean>,
): BlockWalker {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let next: Node | null = root.nodeType === Node.TEXT_NODE ? root : advance(false);
  // The walk starts below the root, so a root that hosts a shadow tree (a component the page
  // added after load, re-scanned on its own) is looked at here.
  const rootShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow) onShadowRoot(rootShadow);
  let done = false;
  let lastParent: Element | null | undefined;
  let lastKey: Node = root;
  // The block being joined; kept across calls so a paused walk resumes where it stopped.
  let block: TextBlock | undefined;
  let text = '';
  let visitedTotal = 0;

  /** Moves to the next node in document order, optionally jumping over the current node's children. */
  function advance(skipChildren: boolean): Node | null {
    if (!skipChildren) return walker.nextNode();
    while (walker.currentNode !== root) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
    return null;
  }

  function takeBlock(): TextBlock | undefined {
    const taken = block;
    if (taken) taken.text = text;
    block = undefined;
    text = '';
    return taken;
  }

  function nextBlock(hasTime?: () => boolean): TextBlock | null | undefined {
    if (done) return undefined;
    while (next) {
      visitedTotal++;
      if (hasTime && visitedTotal % NODES_PER_CHECK === 0 && !hasTime()) return null;
      const node: Node = next;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        const localName = element.localName;
        if (element !== root && shouldSkipElement(element, localName)) {
          next = advance(true);
          continue;
        }
        const prunedWithText = pruned?.get(element);
        if (prunedWithText !== undefined) {
          next = advance(true);
          if (prunedWithText && block) return takeBlock();
          continue;
        }
        const shadowRoot = element.shadowRoot;
        if (shadowRoot) onShadowRoot(shadowRoot);
        // A custom element not defined yet may attach a shadow root later, with no change to
        // the light DOM for our observer to see.
        else if (localName.includes('-')) onBareCustomElement(element);
        // A line break separates words even though <br> is inline.
        if (localName === 'br' && block) text += '\n';
        next = advance(false);
        continue;
      }
      const textNode = node as Text;
      // Runs of text nodes share a parent more often than not: skip the cache lookup for them.
      const parent = textNode.parentElement;
      if (parent !== lastParent) {
        lastParent = parent;
        lastKey = findBlockElement(parent, root);
      }
      const key = lastKey;
      if (block && block.key !== key) return takeBlock();
      if (!block) block = { key, text: '', nodes: [], starts: [] };
      block.nodes.push(textNode);
      block.starts.push(text.length);
      text += textNode.data;
      next = advance(false);
    }
    done = true;
    return takeBlock();
  }

  return {
    nextBlock,
    get visited() {
      return visitedTotal;
    },
  };
}
