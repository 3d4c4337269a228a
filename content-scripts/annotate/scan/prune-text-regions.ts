import type { CandidateRole } from '../../../src/matcher/matcher-types.ts';
import { findBlockElement, isInlineElement } from './find-block-element.ts';
import { findComponentHosts, visitComponentHost } from './find-component-hosts.ts';
import { findLargestElement } from './find-largest-element.ts';
import { type CanJoin, type FindCandidates, isJunctionOfCandidate } from './is-junction-of-candidate.ts';
import {
  findFirstEndingAfter,
  type Intervals,
  isIntersecting,
  measureCovered,
  mergeIntervals,
} from './merge-intervals.ts';
import { listCodeJoints, type PageText, readPageText, splitPageText } from './read-page-text.ts';
import { shouldSkipElement } from './should-skip-element.ts';
import { type BlockWalker, createBlockWalker, type TextBlock } from './walk-text-blocks.ts';

/** A page with less text than this is walked whole: pruning would save less than it costs. */
const MIN_PRUNED_CHARS = 16_384;
/**
 * Pages with fewer or more elements are walked whole (see begin). Measured here, each build
 * loaded in turn on the same pages: a 2,600-element page with 200 KB of text and 15 names
 * took 23 ms walked, 37 ms pruned; a 3,200-element page naming no one 60 against 29; a
 * 38,000-element table with 8 names 129 against 99; the generated 5 MB page (160,000 elements,
 * 245,000 text nodes, 3,192 names) 705 against 519-538 read in pieces (headless Chromium 156, 3 Dec 2026). Past
 * MAX_PRUNED_ELEMENTS counting them alone comes near a long task (on that page 5 ms in Chromium,
 * 8-20 ms in Firefox ESR).
 */
const MIN_PRUNED_ELEMENTS = 3_000;
const MAX_PRUNED_ELEMENTS = 250_000;
/**
 * How a large page's text is read (tests lower these to take that path on a small page). Up to
 * `atOnceElements` elements, at once (readPageText), and custom elements are then found by one
 * query: on the 38,000-element table both cost a few ms. Past it, in pieces of whole subtrees of
 * about `stepElements` elements a step, each piece's custom elements found with it: read at once,
 * the 5 MB page's text took 19-26 ms in an isolated world of Chromium and 45-88 ms in Firefox ESR
 * (page world), and the query 20-50 ms. In pieces, the table took 106-118 ms instead of 76 (the
 * query alone 23 ms over its 800 rows), so pages below the line keep the one read.
 */
export const READ_LIMITS = { atOnceElements: 60_000, stepElements: 4_096 };
/**
 * A piece read whole with at least this many elements is read child by child (readChildren): it
 * is big enough that the descent may look into it.
 */
const SPLIT_READ_ELEMENTS = 16;
/** Line breaks and the like looked at between two looks at the clock (about 20 µs each here). */
const JOINTS_PER_STEP = 64;
/** A region with a candidate and less text than this is walked whole rather than looked into. */
const WALK_WHOLE_CHARS = 2_048;
/** Characters of text scanned for candidates in one go, between two looks at the clock. */
const SCAN_WINDOW = 32_768;
/** Longer than any alias, so a candidate across two windows is found whole. */
const SCAN_OVERLAP = 256;
/**
 * Past this many candidates per character the page names someone almost everywhere: the full
 * walk is cheaper than looking into every region (checked once 64k characters were scanned).
 */
const DENSE_CHARS_PER_CANDIDATE = 256;
const DENSITY_SAMPLE_CHARS = 65_536;
/**
 * A region with at least this many children, and at least SPARSE_CHILDREN_PER_HIT of them per
 * candidate in it, finds the children holding its candidates by measuring runs of children
 * (findSparseRegions) instead of reading every child's size: a table body of 1,261 rows, or a
 * list of 2,075 references, with a name in one or two of them.
 */
const SPARSE_MIN_CHILDREN = 64;
const SPARSE_CHILDREN_PER_HIT = 16;
/** Units of work (see create-annotator.ts) one scanned character counts for, in 1/32. */
const CHARS_PER_UNIT = 32;

/**
 * Entities whose candidates the pruned pass dropped (keepHitsThatCanCount), filled once the text
 * is scanned: `unconfirmed`, weak aliases of an entity nothing on the page confirmed; `unneeded`,
 * context words of an entity none of whose weak aliases was there. The regions holding them may
 * not have been walked, so the caller walks the page whole when a scan later confirms an entity
 * of the first set or finds a weak alias of one of the second.
 */
export interface SetAside {
  unconfirmed: Set<string>;
  unneeded: Set<string>;
}

interface Region {
  element: Element;
  /** Where the element's text starts in the root's textContent, and its length there. */
  start: number;
  length: number;
  /** How many elements it holds, when that was counted on the way down (see findLargestElement). */
  elements?: number;
}

/**
 * The first pass over a page that names no one in most of it. Walking every node is what costs
 * in an extension's world (each node read needs a wrapper of its own there; see README,
 * "Measured"), while `textContent` reads a whole subtree's text in one call. So the root's text
 * is read once and scanned for candidates (findCandidates: every alias in its exact form and
 * every context word, boundaries unchecked), then the walk goes down only into elements whose text
 * holds one, and each region where a candidate sits in inline content is walked as usual
 * (createBlockWalker), passing over its clean block children. Blocks, and so mentions, are those
 * of a full walk: a candidate is a superset of a mention, and the places where the text read at
 * once differs from the walk's (a line break, or skipped content with text, between two words)
 * are looked up first and walked. Custom elements anywhere are found by one query
 * (find-component-hosts.ts). A small page, or one with candidates everywhere, is walked whole.
 *
 * Known gap, for speed: text the page hides by attribute (hidden, aria-hidden…) or a form field
 * inside a name ("Meri<span hidden>x</span>dian Harbour") is read in the one call, and if no other
 * candidate is near, the name is not found in this pass. Finding such elements takes a selector
 * query over the whole page (5 ms on a 38,000-element page here); the full walk joins the text
 * around them.
 */
export function createPrunedWalker(
  root: Element,
  findCandidates: FindCandidates,
  onShadowRoot: (shadowRoot: ShadowRoot) => void,
  onBareCustomElement: (element: Element) => void,
  canJoin?: CanJoin,
  /**
   * What the caller already read of the root: its element count, its text when read at once, and
   * whether any custom element was in it then (none: no query for them; one the page adds later
   * reaches the annotator's observer, whose re-scan meets it).
   */
  known?: { elements: number; read?: PageText; hasComponents?: boolean },
): BlockWalker & { readonly setAside: SetAside } {
  let visited = 0;
  let inner: BlockWalker | undefined;
  let phase: 'start' | 'read' | 'joined' | 'joints' | 'hosts' | 'scan' | 'descend' | 'done' = 'start';
  const joints: Element[] = [];
  let jointsChecked = 0;
  let rootLength = 0;
  let rootElements = 0;
  /** Subtrees and text nodes of the root still to be read, the next one last, with their element counts. */
  const unread: { node: Node; elements: number }[] = [];
  const readParts: string[] = [];
  let joined = '';
  /**
   * The text length of each subtree read whole in pieces: the descent needs the sizes of a region's
   * children, and reading them again would read most of the page's text a second time. An entry
   * under a change the page makes is never read again: the descent derives that one's size from
   * its region's (see noteChange and visitRegion).
   */
  const readLengths = new Map<Element, number>();
  /**
   * Nodes the page changed under since the text was read (a mutation's target and its ancestors),
   * and the elements whose own list of children changed. The candidates' positions are those of
   * the text as read; see visitRegion for how a region on this path keeps them right.
   */
  const changedPath = new Set<Node>();
  const childrenChanged = new Set<Node>();
  /** Whether custom elements were looked for piece by piece while reading (one query over a large page is a long task). */
  let hostsFound = known?.hasComponents === false;
  /** The root's text without long scripts and styles, and where each of its pieces starts in both. */
  let clean = '';
  const pieceClean: number[] = [];
  const pieceRaw: number[] = [];
  let excluded: Intervals = { starts: [], ends: [] };
  let scanned = 0;
  const hitStarts: number[] = [];
  const hitEnds: number[] = [];
  const hitRoles: (CandidateRole | undefined)[] = [];
  const hitEntities: (string | undefined)[] = [];
  const setAside: SetAside = { unconfirmed: new Set(), unneeded: new Set() };
  let hits: Intervals = { starts: [], ends: [] };
  /** Blocks whose text the one-call read joins differently from the walk, and their ancestors. */
  const forcedBlocks = new Set<Element>();
  const forcedPath = new Set<Element>();
  /** The parents of the elements on forcedPath, once the descent starts (see findSparseRegions). */
  let forcedParents: Set<Node | null> | undefined;
  let range: Range | undefined;
  const stack: Region[] = [];

  function walkWhole(element: Element, pruned?: ReadonlyMap<Element, boolean>): void {
    inner = createBlockWalker(element, onShadowRoot, onBareCustomElement, pruned);
  }

  /**
   * Gives up pruning: what was read for it (the lengths, the text, the candidates) is of no use to
   * the full walk, so it is let go, and noteChange need not climb for the lengths.
   */
  function walkRootWhole(): void {
    readLengths.clear();
    changedPath.clear();
    childrenChanged.clear();
    clean = '';
    hitStarts.length = 0;
    hitEnds.length = 0;
    hitRoles.length = 0;
    hitEntities.length = 0;
    setAside.unconfirmed.clear();
    setAside.unneeded.clear();
    walkWhole(root);
  }

  /**
   * Drops the candidates that cannot count on this page as read: a weak alias of an entity that
   * nothing confirms (no strong alias or context word of it anywhere), and a context word of an
   * entity with no weak alias anywhere (it confirms nothing that needs it). On a sports page,
   * "Delawar" in every "Delaware" and "UN" in every "UNLV" were most of its regions. Those
   * entities are set aside (see `setAside`), so a later confirmation, or a later weak alias, can
   * have the page walked whole.
   */
  function keepHitsThatCanCount(): void {
    const confirmable = new Set<string>();
    const weak = new Set<string>();
    for (let index = 0; index < hitRoles.length; index++) {
      const role = hitRoles[index];
      const entityId = hitEntities[index] as string;
      if (role === 'weak') weak.add(entityId);
      else if (role !== undefined) confirmable.add(entityId);
    }
    let kept = 0;
    for (let index = 0; index < hitRoles.length; index++) {
      const role = hitRoles[index];
      const entityId = hitEntities[index] as string;
      if (role === 'weak' && !confirmable.has(entityId)) setAside.unconfirmed.add(entityId);
      else if (role === 'context' && !weak.has(entityId)) setAside.unneeded.add(entityId);
      else {
        hitStarts[kept] = hitStarts[index] as number;
        hitEnds[kept] = hitEnds[index] as number;
        kept++;
      }
    }
    hitStarts.length = kept;
    hitEnds.length = kept;
    hitRoles.length = 0;
    hitEntities.length = 0;
  }

  /** Position in the root's textContent of a position in `clean`. */
  function toRaw(at: number, isEnd: boolean): number {
    let low = 0;
    let high = pieceClean.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      const pieceStart = pieceClean[middle] as number;
      if (pieceStart < at || (!isEnd && pieceStart === at)) low = middle;
      else high = middle - 1;
    }
    return (pieceRaw[low] as number) + at - (pieceClean[low] as number);
  }

  /** Takes the text as read: where each of its pieces between long code starts, in it and in the raw text. */
  function takeText(read: PageText): void {
    clean = read.clean;
    excluded = read.excluded;
    const { starts, ends } = excluded;
    pieceClean.push(0);
    pieceRaw.push(0);
    let removed = 0;
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index] as number;
      const end = ends[index] as number;
      pieceClean.push(start - removed);
      pieceRaw.push(end);
      removed += end - start;
    }
  }

  /**
   * Line breaks, and code or drawings with text, between two runs of inline text: the walk reads
   * a line break there and leaves the rest out, the one-call read does neither. Where a candidate
   * could span one of them (a name with a line break inside it), its block is walked.
   */
  function listJoints(read: PageText): void {
    for (const element of read.breaks) joints.push(element);
    for (const element of listCodeJoints(read)) joints.push(element);
  }

  function checkJoint(element: Element): void {
    visited += 4;
    if (!isJunctionOfCandidate(element, element.localName === 'br' ? '\n' : '', findCandidates, canJoin))
      return;
    const block = findBlockElement(element.parentElement, root);
    if (block.nodeType !== Node.ELEMENT_NODE) return;
    forcedBlocks.add(block as Element);
    for (
      let at: Element | null = block as Element;
      at && at !== root && !forcedPath.has(at);
      at = at.parentElement
    )
      forcedPath.add(at);
  }

  function begin(): void {
    phase = 'done';
    if (shouldSkipElement(root)) return;
    // Every node costs the full walk a visit and the pruned pass none, while the pruned pass
    // pays a fixed start (reading the text, two queries): below MIN_PRUNED_ELEMENTS the full
    // walk cost less here; above MAX_PRUNED_ELEMENTS the count alone nears a long task.
    const elements = known?.elements ?? root.getElementsByTagName('*').length;
    rootElements = elements;
    if (elements < MIN_PRUNED_ELEMENTS || elements > MAX_PRUNED_ELEMENTS) {
      walkRootWhole();
      return;
    }
    if (elements <= READ_LIMITS.atOnceElements) {
      startFromText(known?.read ?? readPageText(root));
      return;
    }
    unread.push({ node: root, elements });
    phase = 'read';
  }

  /**
   * Reads the next pieces of the root's text: a subtree of at most READ_LIMITS.stepElements elements in
   * one `textContent` call, a larger one split into its children. Joined, the pieces are the
   * root's textContent (a comment or processing instruction holds none of it).
   */
  function readStep(): void {
    const stepElements = READ_LIMITS.stepElements;
    let budget = stepElements;
    while (budget > 0) {
      const piece = unread.pop();
      if (!piece) {
        // Joining the pieces copies the whole text (6-12 ms on the 5 MB page): a step of its own.
        joined = readParts.join('');
        readParts.length = 0;
        hostsFound = true;
        phase = 'joined';
        return;
      }
      const { node, elements } = piece;
      const type = node.nodeType;
      if (type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) {
        readParts.push((node as CharacterData).data);
        budget--;
        continue;
      }
      if (type !== Node.ELEMENT_NODE) continue;
      const element = node as Element;
      if (element !== root && element.localName.includes('-'))
        visitComponentHost(element, onShadowRoot, onBareCustomElement);
      if (elements <= stepElements) {
        readLengths.set(element, elements < SPLIT_READ_ELEMENTS ? readWhole(element) : readChildren(element));
        if (elements > 0) findComponentHosts(element, onShadowRoot, onBareCustomElement);
        budget -= elements + 1;
        continue;
      }
      const children: ChildNode[] = [];
      let elementChildren = 0;
      for (let child = node.firstChild; child; child = child.nextSibling) {
        children.push(child);
        if (child.nodeType === Node.ELEMENT_NODE) elementChildren++;
      }
      const { counts } = findLargestElement(children, elementChildren, elements);
      for (let index = children.length - 1; index >= 0; index--) {
        const child = children[index] as ChildNode;
        const count =
          child.nodeType !== Node.ELEMENT_NODE
            ? 0
            : (counts?.get(child as Element) ?? (child as Element).getElementsByTagName('*').length);
        unread.push({ node: child, elements: count });
      }
      budget -= children.length + (counts ? 0 : elements);
      visited += children.length;
    }
    visited += stepElements >> 4;
  }

  /** Reads an element's text in one call; returns its length. */
  function readWhole(element: Element): number {
    const text = element.textContent ?? '';
    readParts.push(text);
    return text.length;
  }

  /**
   * Reads an element's text child by child, keeping each element child's length, so the descent
   * into it finds every size it needs here instead of reading its children's text again and
   * counting their elements to skip the largest. Returns the element's text length.
   */
  function readChildren(element: Element): number {
    let length = 0;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      visited++;
      const type = child.nodeType;
      if (type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) {
        const data = (child as CharacterData).data;
        readParts.push(data);
        length += data.length;
      } else if (type === Node.ELEMENT_NODE) {
        const size = readWhole(child as Element);
        readLengths.set(child as Element, size);
        length += size;
      }
    }
    return length;
  }

  /** The rest of the start, once the root's text is read. */
  function startFromText(read: PageText): void {
    phase = 'done';
    rootLength = read.rawLength;
    if (rootLength < MIN_PRUNED_CHARS) {
      walkRootWhole();
      return;
    }
    takeText(read);
    listJoints(read);
    phase = 'joints';
  }

  function scanWindow(): void {
    const from = scanned;
    const to = Math.min(clean.length, from + SCAN_WINDOW);
    const last = to === clean.length;
    const text = from === 0 && last ? clean : clean.slice(from, last ? to : to + SCAN_OVERLAP);
    findCandidates(text, (start, end, role, entityId) => {
      if (!last && start >= to - from) return; // the next window's
      hitStarts.push(toRaw(from + start, false));
      hitEnds.push(toRaw(from + end, true));
      hitRoles.push(role);
      hitEntities.push(entityId);
    });
    scanned = to;
    visited += Math.ceil((to - from) / CHARS_PER_UNIT);
    if (scanned >= DENSITY_SAMPLE_CHARS && hitStarts.length * DENSE_CHARS_PER_CANDIDATE > scanned && !last) {
      walkRootWhole();
      phase = 'done';
      return;
    }
    if (!last) return;
    keepHitsThatCanCount();
    hits = mergeIntervals(hitStarts, hitEnds);
    clean = '';
    phase = 'descend';
    forcedParents = new Set([...forcedPath].map((element) => element.parentNode));
    if (hits.starts.length > 0)
      stack.push({ element: root, start: 0, length: rootLength, elements: rootElements });
  }

  /**
   * The children of a region with many children and few candidates that hold one, as regions
   * (next one last), found without reading each child's size: the run of children is split in
   * two and the first half's text measured by a Range, natively, then each half that holds a
   * candidate is split again, down to single children. A candidate costs about one read of the
   * region's text per level where it is alone, instead of a look at every child. Undefined when
   * the region must be looked into as usual: few children, many candidates, a candidate in text
   * or inline content (the region is then walked with its clean children passed over), a line
   * break or the like below it, or its text not the length it was read at.
   */
  function findSparseRegions(element: Element, start: number, length: number): Region[] | undefined {
    const childNodes = element.childNodes;
    const count = childNodes.length;
    if (count < SPARSE_MIN_CHILDREN || forcedBlocks.has(element) || forcedParents?.has(element))
      return undefined;
    const end = start + length;
    const first = findFirstEndingAfter(hits, start);
    let last = first;
    while (last < hits.starts.length && (hits.starts[last] as number) < end) last++;
    if ((last - first) * SPARSE_CHILDREN_PER_HIT > count) return undefined;
    range ??= element.ownerDocument.createRange();
    const run = range;
    const measure = (from: number, to: number): number => {
      visited++;
      run.setStart(element, from);
      run.setEnd(element, to);
      return run.toString().length;
    };
    if (measure(0, count) !== length) return undefined;
    const regions: Region[] = [];
    /** Children [low, high), whose text starts at `at` in the root's and is `size` long, hold hits [hit, to). */
    const split = (low: number, high: number, at: number, size: number, hit: number, to: number): boolean => {
      if (high - low === 1) {
        const child = childNodes[low] as ChildNode;
        if (child.nodeType !== Node.ELEMENT_NODE || isInlineElement(child as Element)) return false;
        regions.push({ element: child as Element, start: at, length: size });
        return true;
      }
      const middle = (low + high) >>> 1;
      const firstSize = measure(low, middle);
      const boundary = at + firstSize;
      // Hits are sorted and disjoint: those starting before the boundary are in the first half,
      // those ending after it in the second (one across it in both).
      let firstTo = hit;
      while (firstTo < to && (hits.starts[firstTo] as number) < boundary) firstTo++;
      let secondFrom = firstTo;
      if (secondFrom > hit && (hits.ends[secondFrom - 1] as number) > boundary) secondFrom--;
      if (firstTo > hit && firstSize > 0 && !split(low, middle, at, firstSize, hit, firstTo)) return false;
      if (
        secondFrom < to &&
        size > firstSize &&
        !split(middle, high, boundary, size - firstSize, secondFrom, to)
      )
        return false;
      return true;
    };
    if (!split(0, count, start, length, first, last)) return undefined;
    return regions.reverse();
  }

  /**
   * Looks into one element whose text holds a candidate.
   *
   * Positions are those of the text as read. A child's size is read now, which is its size then
   * unless the page changed under it since: then it is on `changedPath`, and its size then is what
   * the region's size then (`length`) leaves after the others'. That holds while one child at most
   * is on the path; with more, or with the region's own children changed, the region is walked whole.
   */
  function visitRegion({ element, start, length, elements: total }: Region): void {
    if (!element.isConnected || (element !== root && shouldSkipElement(element))) return;
    if (element !== root && length <= WALK_WHOLE_CHARS) {
      walkWhole(element);
      return;
    }
    const isChanged = changedPath.has(element);
    const sparse = isChanged ? undefined : findSparseRegions(element, start, length);
    if (sparse) {
      for (const region of sparse) stack.push(region);
      return;
    }
    if (isChanged && childrenChanged.has(element)) {
      walkWhole(element);
      return;
    }
    const children: ChildNode[] = [];
    let elements = 0;
    let unknown = 0;
    let textSize = 0;
    let changedChild: ChildNode | undefined;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      visited++;
      children.push(child);
      if (isChanged && changedPath.has(child)) {
        if (changedChild) {
          walkWhole(element);
          return;
        }
        changedChild = child;
      }
      const type = child.nodeType;
      if (type === Node.ELEMENT_NODE) {
        elements++;
        if (!readLengths.has(child as Element)) unknown++;
      } else if ((type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) && child !== changedChild)
        textSize += (child as CharacterData).data.length;
    }
    if (isChanged && !changedChild) {
      walkWhole(element);
      return;
    }
    // Reading an element's text builds a string of it, and a region is mostly one big child
    // (a page's wrappers, a story inside its layout): its size is the rest of the region's.
    // Where every child's length was kept while reading, none is read or counted; a changed
    // child's size is always the rest.
    const { largest, counts } =
      changedChild || unknown === 0
        ? { largest: undefined, counts: undefined }
        : findLargestElement(children, elements, total);
    const derived: ChildNode | undefined = changedChild ?? largest;
    let derivedSize = length - textSize;
    const sizes = new Map<Element, number>();
    for (const child of children) {
      if (child.nodeType !== Node.ELEMENT_NODE || child === derived) continue;
      const size = readLengths.get(child as Element) ?? (child.textContent ?? '').length;
      sizes.set(child as Element, size);
      derivedSize -= size;
    }
    // Text added since the root's text was read moves every position after it: the candidates
    // no longer say where they are, so this region is walked whole. (Changes the page makes
    // also reach the annotator's observer, which re-scans their blocks.)
    if (derivedSize < 0 || (!derived && derivedSize !== 0)) {
      walkWhole(element);
      return;
    }
    let inlineHit = forcedBlocks.has(element);
    const clean = new Map<Element, boolean>();
    const dirty: Region[] = [];
    let offset = start;
    for (const child of children) {
      const type = child.nodeType;
      if (type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) {
        const size = child === derived ? derivedSize : (child as CharacterData).data.length;
        if (isIntersecting(hits, offset, offset + size)) inlineHit = true;
        offset += size;
        continue;
      }
      if (type !== Node.ELEMENT_NODE) continue;
      const childElement = child as Element;
      const size = child === derived ? derivedSize : (sizes.get(childElement) as number);
      const isHit = isIntersecting(hits, offset, offset + size) || forcedPath.has(childElement);
      if (isInlineElement(childElement)) inlineHit ||= isHit;
      else if (isHit)
        dirty.push({
          element: childElement,
          start: offset,
          length: size,
          elements: counts?.get(childElement),
        });
      // One without text is walked: it may be a line break, or hold one.
      else if (size > 0) clean.set(childElement, size > measureCovered(excluded, offset, offset + size));
      offset += size;
    }
    if (inlineHit) {
      walkWhole(element, clean.size > 0 ? clean : undefined);
      return;
    }
    for (let index = dirty.length - 1; index >= 0; index--) stack.push(dirty[index] as Region);
  }

  function nextBlock(hasTime?: () => boolean): TextBlock | null | undefined {
    for (;;) {
      if (inner) {
        const before = inner.visited;
        const block = inner.nextBlock(hasTime);
        visited += inner.visited - before;
        if (block !== undefined) return block;
        inner = undefined;
        continue;
      }
      if (phase === 'done') return undefined;
      if (hasTime && phase !== 'start' && !hasTime()) return null;
      if (phase === 'start') begin();
      else if (phase === 'read') readStep();
      else if (phase === 'joined') {
        const raw = joined;
        joined = '';
        startFromText(splitPageText(root, raw));
      } else if (phase === 'joints') {
        const end = Math.min(joints.length, jointsChecked + JOINTS_PER_STEP);
        for (; jointsChecked < end; jointsChecked++) checkJoint(joints[jointsChecked] as Element);
        if (jointsChecked === joints.length) phase = 'hosts';
      } else if (phase === 'hosts') {
        if (!hostsFound) visited += findComponentHosts(root, onShadowRoot, onBareCustomElement) >> 4;
        phase = 'scan';
      } else if (phase === 'scan') scanWindow();
      else {
        const region = stack.pop();
        if (region) visitRegion(region);
        else phase = 'done';
      }
    }
  }

  /**
   * The page changed the text under `node` (a mutation's target; `childList`: its children were
   * added or removed). Sizes read before no longer hold there, so the descent must know which
   * regions the change is in (see visitRegion). Once the root is walked whole, nothing is kept.
   */
  function noteChange(node: Node, childList: boolean): void {
    if (phase === 'done' && stack.length === 0) return;
    if (childList) childrenChanged.add(node);
    for (let at: Node | null = node; at && !changedPath.has(at); at = at.parentNode) changedPath.add(at);
  }

  return {
    nextBlock,
    noteChange,
    setAside,
    get visited() {
      return visited;
    },
  };
}
