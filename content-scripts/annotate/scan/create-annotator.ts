import type { Matcher, Mention } from '../../../src/matcher/compile-matcher.ts';
import type { EntityType } from '../../../src/store/types.ts';
import { findBlockElement, isBetweenInlineContent, isInlineElement } from './find-block-element.ts';
import { hasHyphenatedElement } from './find-component-hosts.ts';
import { findPageRoot } from './find-page-root.ts';
import { isPageUnnamed } from './is-page-unnamed.ts';
import { listSkipChanges } from './list-skip-changes.ts';
import { mapOffsetsToRange } from './map-offsets-to-range.ts';
import { createMentionStore, type MentionRecord, type MentionStore } from './mention-store.ts';
import { createPrunedWalker, READ_LIMITS, type SetAside } from './prune-text-regions.ts';
import { type PageText, readPageText } from './read-page-text.ts';
import { IS_BENCH, markBenchOnce, recordBenchTask } from './record-bench-task.ts';
import { createSliceScheduler, type SchedulerOptions } from './schedule-slices.ts';
import { isInsideSkippedElement, isShadowRoot, SKIP_ATTRIBUTES } from './should-skip-element.ts';
import { type BlockWalker, createBlockWalker, type TextBlock } from './walk-text-blocks.ts';

/**
 * Blocks longer than this are scanned in windows, so one huge text node never blocks the page.
 * 8k: one matcher scan of a 32k window took 4-21 ms on a busy 2-core machine, too close to the
 * 50 ms long-task line once added to a slice's 8 ms budget (tests/e2e/hostile-extreme.test.ts).
 */
const WINDOW = 8_192;
/** Longer than any alias, so a mention that straddles two windows is still found whole. */
const WINDOW_OVERLAP = 256;
/**
 * Work between two looks at the clock: characters scanned, plus 32 per block and per node
 * visited, so about 128 nodes. Counting blocks alone let a slice walk 2,700 nodes between looks
 * (128 paragraphs of 10 spans): 3 ms in Chromium but 40-160 ms in Firefox, where every node a
 * content script touches goes through a wrapper (measured with the bench build, 100,000 nodes).
 */
const CLOCK_CHECK_UNITS = 4_096;
/** Units one node visit counts for (see CLOCK_CHECK_UNITS). */
const UNITS_PER_NODE = 32;
/** While a pass is under way, how often the caller hears that mentions changed (see runSlice). */
const CHANGE_REPORT_INTERVAL_MS = 1_000;
/**
 * When custom elements met without a shadow root are looked at again, after the first full pass
 * (ms after the previous look): a component defined late (lazily loaded code) fills its own
 * shadow root, which no MutationObserver of ours can see. Each look reads `shadowRoot` once per
 * such element, at most MAX_BARE_HOSTS of them.
 */
const BARE_HOST_LOOKS_MS = [500, 1_500, 3_000, 10_000];
/** While the page is asleep (see `asleep`), how long after a change it is read again: one read however fast it changes. */
const WAKE_CHECK_MS = 250;
const MAX_BARE_HOSTS = 2_000;

export interface AnnotatorOptions {
  document: Document;
  matcher: Matcher;
  typeOf: (entityId: string) => EntityType | undefined;
  /** Called when a mention is registered or removed; the caller owns the highlights. */
  onAdd: (record: MentionRecord) => void;
  onRemove: (record: MentionRecord) => void;
  /** Called after a slice that changed the set of mentions: at the end of a pass, and at most once a second during it. */
  onChange: () => void;
  /** Nodes that are ours (the card host); their mutations are ignored. */
  isOwnNode: (node: Node) => boolean;
  scheduler?: Pick<SchedulerOptions, 'now' | 'queue' | 'budgetMs'>;
}

export interface Annotator {
  readonly mentions: MentionStore;
  /** True once the first full pass has registered every mention. */
  readonly complete: boolean;
  /** Settles once the first slice has run (the top of the page is marked) or the annotator is gone. */
  readonly started: Promise<void>;
  destroy(): void;
}

interface PendingWeak {
  mention: Mention;
  block: TextBlock;
}

interface BlockInProgress {
  block: TextBlock;
  offset: number;
}

/**
 * Finds every mention in a document and keeps the set right as the page
 * changes. The walk and the scans run in slices (see schedule-slices.ts);
 * one MutationObserver per document queues changed blocks for re-scan.
 */
export function createAnnotator(options: AnnotatorOptions): Annotator {
  const { document, matcher } = options;
  const mentions = createMentionStore();
  const confirmedIds = new Set<string>();
  let pendingWeak: PendingWeak[] = [];
  const roots: Node[] = [document];
  const dirtyKeys = new Set<Node>();
  /**
   * Queued keys the page has just hidden or made editable: their mentions go even though the
   * re-scan will not walk them. Other keys inside skipped content are dropped as they are.
   */
  const hiddenKeys = new Set<Node>();
  let walker: BlockWalker | undefined;
  /**
   * Set when the first pass found that no mention can be on the page (isPageUnnamed: the
   * matcher's native look at its text read at once): nothing is walked and nothing is registered.
   * Context words are not looked for either; they only confirm a mention. A change to the page
   * while asleep reads it again (at most once per WAKE_CHECK_MS); when a name may now be there,
   * the first pass runs over the whole page as on a fresh load.
   */
  let asleep = false;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let inProgress: BlockInProgress | undefined;
  /** What the page's pruned first pass set aside, and the root it read; undefined once the page was walked whole. */
  let setAside: (SetAside & { page: Element }) | undefined;
  let complete = false;
  let changed = false;
  let lastChangeReport = Number.NEGATIVE_INFINITY;
  const observer = new MutationObserver(queueMutations);
  const scheduler = createSliceScheduler({ ...options.scheduler, work: runSlice });

  function observeRoot(root: Node): void {
    observer.observe(root, {
      childList: true,
      characterData: true,
      subtree: true,
      // Content shown or hidden later (a modal's aria-hidden, a tab panel's or a folded section's
      // hidden, an editor switched on); only the attributes the skip rules read, so a page's class
      // and style changes never reach us.
      attributes: true,
      attributeFilter: SKIP_ATTRIBUTES,
      attributeOldValue: true,
    });
  }

  /**
   * Open shadow roots queued or walked, so each is walked once: a re-scan of the block that
   * holds the host meets the host again, and the root's own mutations come through its observer.
   */
  const shadowRoots = new Set<ShadowRoot>();

  /** Custom elements walked before they had a shadow root (see BARE_HOST_LOOKS_MS). */
  const bareHosts = new Set<Element>();
  let bareHostTimer: ReturnType<typeof setTimeout> | undefined;
  let bareHostLooks = 0;

  function noteBareHost(element: Element): void {
    if (bareHosts.size >= MAX_BARE_HOSTS || bareHosts.has(element)) return;
    bareHosts.add(element);
    // One added later (a feed's new items) gets its own looks.
    bareHostLooks = 0;
  }

  function scheduleBareHostLook(): void {
    if (bareHostTimer !== undefined || bareHosts.size === 0 || bareHostLooks >= BARE_HOST_LOOKS_MS.length)
      return;
    bareHostTimer = setTimeout(lookAtBareHosts, BARE_HOST_LOOKS_MS[bareHostLooks++]);
  }

  function lookAtBareHosts(): void {
    bareHostTimer = undefined;
    let found = false;
    for (const host of bareHosts) {
      if (!host.isConnected) {
        bareHosts.delete(host);
        continue;
      }
      const shadowRoot = host.shadowRoot;
      if (!shadowRoot) continue;
      bareHosts.delete(host);
      queueShadowRoot(shadowRoot);
      found = true;
    }
    if (found) {
      complete = false;
      scheduler.request();
    }
    scheduleBareHostLook();
  }

  function queueShadowRoot(shadowRoot: ShadowRoot): void {
    if (shadowRoots.has(shadowRoot)) return;
    shadowRoots.add(shadowRoot);
    roots.push(shadowRoot);
    observeRoot(shadowRoot);
  }

  /**
   * Drops the mentions of shadow roots whose host left the page (`isGone`), or went into content
   * the page hid. A removed node's own walk (removeInside) does not enter shadow trees, nor does a
   * block's removeUnder; if the host comes back or is shown again, the re-scan of its block meets
   * it and queues its root again.
   */
  function forgetShadowRoots(isGone: (shadowRoot: ShadowRoot) => boolean): void {
    for (const shadowRoot of shadowRoots) {
      if (!isGone(shadowRoot)) continue;
      shadowRoots.delete(shadowRoot);
      const index = roots.indexOf(shadowRoot);
      if (index >= 0) roots.splice(index, 1);
      for (const record of mentions.removeUnder(shadowRoot)) options.onRemove(record);
      // Weak mentions waiting there would come back twice: once kept here, once from the re-walk.
      pendingWeak = pendingWeak.filter(
        (pending) => pending.block.key !== shadowRoot && !shadowRoot.contains(pending.block.key),
      );
      changed = true;
    }
  }

  function register(block: TextBlock, mention: Mention): void {
    const type = options.typeOf(mention.entityId);
    if (!type) return;
    const position = mapOffsetsToRange(block, mention.start, mention.end);
    if (!position) return;
    const record: MentionRecord = { ...position, entityId: mention.entityId, type, key: block.key };
    mentions.add(record);
    options.onAdd(record);
    changed = true;
  }

  function scanWindow(progress: BlockInProgress): boolean {
    const { block, offset } = progress;
    const end = Math.min(block.text.length, offset + WINDOW);
    const last = end >= block.text.length;
    const slice =
      offset === 0 && last ? block.text : block.text.slice(offset, last ? end : end + WINDOW_OVERLAP);
    const scan = matcher.scanText(slice);
    for (const id of scan.confirmedIds) {
      if (!confirmedIds.has(id)) {
        confirmedIds.add(id);
        releaseWeak(id);
      }
      if (setAside?.unconfirmed.has(id)) walkPageWhole();
    }
    for (const mention of scan.mentions) {
      if (mention.start >= end - offset) break; // belongs to the next window
      const shifted = { ...mention, start: mention.start + offset, end: mention.end + offset };
      // The page-level decision on weak aliases (see src/matcher/resolve-weak-mentions.ts) is made here:
      // a weak mention waits until its entity is confirmed anywhere on the page.
      if (mention.strength === 'weak' && !confirmedIds.has(mention.entityId)) {
        if (setAside?.unneeded.has(mention.entityId)) walkPageWhole();
        pendingWeak.push({ mention: shifted, block });
      } else {
        register(block, shifted);
      }
    }
    progress.offset = end;
    return !last;
  }

  /**
   * The pruned pass set an entity aside (see SetAside in prune-text-regions.ts) and a scan has
   * just shown it matters: the page is walked whole once this pass is over, as a re-scan of its
   * root, which finds every weak mention and confirmation the pass did not look at.
   */
  function walkPageWhole(): void {
    const { page } = setAside ?? {};
    setAside = undefined;
    if (!page?.isConnected) return;
    dirtyKeys.add(page);
    complete = false;
  }

  function releaseWeak(entityId: string): void {
    const keep: PendingWeak[] = [];
    for (const pending of pendingWeak) {
      if (pending.mention.entityId !== entityId) keep.push(pending);
      else if (pending.block.nodes.every((node) => node.isConnected)) {
        register(pending.block, pending.mention);
      }
    }
    pendingWeak = keep;
  }

  function nextWalker(): BlockWalker | undefined {
    const dirty = takeDirtyKeys();
    if (dirty) return dirty;
    const root = roots.shift();
    if (!root) return undefined;
    const page = root === document ? findPageRoot(document) : null;
    if (!page) return createBlockWalker(root, queueShadowRoot, noteBareHost);
    // The page itself, where most text is (its body, without the head's scripts, when nothing
    // else is beside them): read once here, for the first look and then for the pruned pass
    // (see readPage).
    const findCandidates = matcher.findCandidates?.bind(matcher);
    if (!findCandidates && !matcher.mayHaveMention)
      return createBlockWalker(root, queueShadowRoot, noteBareHost);
    const { elements, read } = readPage(page);
    // Asked once for the look and the pruned pass (one query over the page, 2-4 ms on the
    // 38,000-element table); a page read in pieces finds them piece by piece.
    const hasComponents = read === undefined ? undefined : hasHyphenatedElement(page);
    if (read !== undefined && isPageUnnamed(page, matcher, read, hasComponents)) {
      asleep = true;
      return nextWalker();
    }
    // Its first pass goes only where a name can be.
    if (findCandidates) {
      const pruned = createPrunedWalker(
        page,
        findCandidates,
        queueShadowRoot,
        noteBareHost,
        matcher.canJoin?.bind(matcher),
        { elements, read, hasComponents },
      );
      setAside = { ...pruned.setAside, page };
      return pruned;
    }
    return createBlockWalker(root, queueShadowRoot, noteBareHost);
  }

  /**
   * The page's element count and, up to the pruned pass's one-call read, its text (readPageText):
   * a larger page is read in pieces by that pass (one read of the 5 MB page's text took 19-26 ms)
   * and gets no first look.
   */
  function readPage(page: Element): { elements: number; read: PageText | undefined } {
    const elements = page.getElementsByTagName('*').length;
    return { elements, read: elements <= READ_LIMITS.atOnceElements ? readPageText(page) : undefined };
  }

  /** True when no mention can be on the page (see `asleep`); false when the matcher cannot tell. */
  function isAliasFree(): boolean {
    const page = findPageRoot(document);
    const read = page ? readPage(page).read : undefined;
    return page !== null && read !== undefined && isPageUnnamed(page, matcher, read);
  }

  function scheduleWakeCheck(): void {
    if (wakeTimer !== undefined) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = undefined;
      const started = IS_BENCH ? performance.now() : 0;
      const stillFree = !asleep || isAliasFree();
      if (IS_BENCH) recordBenchTask('wake look', started);
      if (stillFree) return;
      asleep = false;
      complete = false;
      dirtyKeys.clear();
      hiddenKeys.clear();
      roots.unshift(document);
      scheduler.request();
    }, WAKE_CHECK_MS);
  }

  /** A key inside another queued key is covered by that one's re-scan. */
  function hasQueuedAncestor(key: Node): boolean {
    for (let node = key.parentNode; node; node = node.parentNode) if (dirtyKeys.has(node)) return true;
    return false;
  }

  function takeDirtyKeys(): BlockWalker | undefined {
    for (const key of dirtyKeys) {
      dirtyKeys.delete(key);
      const hidden = hiddenKeys.delete(key);
      if (!key.isConnected) continue;
      // Components inside what the page hid: their roots go, and the re-scan below queues again
      // those it still meets.
      if (hidden && shadowRoots.size > 0)
        forgetShadowRoots((shadowRoot) => isComposedInside(shadowRoot.host, key));
      if (isInsideSkippedElement(key)) {
        if (hidden) removeMentionsUnder(key);
        continue;
      }
      if (hasQueuedAncestor(key)) continue;
      removeMentionsUnder(key);
      return createBlockWalker(key, queueShadowRoot, noteBareHost);
    }
    return undefined;
  }

  function removeMentionsUnder(key: Node): void {
    const removed = mentions.removeUnder(key);
    for (const record of removed) options.onRemove(record);
    pendingWeak = pendingWeak.filter(
      (pending) => pending.block.key !== key && !key.contains(pending.block.key),
    );
    // A carousel hiding a slide with no names in it changes nothing the caller needs to hear of.
    if (removed.length > 0) changed = true;
  }

  function runSlice(hasTime: () => boolean): boolean {
    // The clock is read once per CLOCK_CHECK_UNITS of work rather than once per block: a table of
    // 37,000 short cells is 37,000 blocks, and reading the clock costs about as much as one of them.
    let units = 0;
    const isTimeLeft = (): boolean => {
      units += 32;
      if (units < CLOCK_CHECK_UNITS) return true;
      units = 0;
      return hasTime();
    };
    do {
      if (inProgress) {
        units += Math.min(WINDOW, inProgress.block.text.length - inProgress.offset);
        if (!scanWindow(inProgress)) inProgress = undefined;
        continue;
      }
      walker ??= nextWalker();
      if (!walker) break;
      const visitedBefore = walker.visited;
      const block = walker.nextBlock(hasTime);
      units += (walker.visited - visitedBefore) * UNITS_PER_NODE;
      if (block === null) continue; // out of time inside a huge block; resume in the next slice
      if (!block) {
        walker = undefined;
        continue;
      }
      if (hasTwoVisibleCharacters(block.text)) inProgress = { block, offset: 0 };
    } while (isTimeLeft());
    const more = Boolean(inProgress || walker || roots.length || dirtyKeys.size);
    if (!more) {
      complete = true;
      scheduleBareHostLook();
    }
    if (IS_BENCH && complete) markBenchOnce('cc:complete');
    // Each change of our highlights makes the browser repaint the marked text; in one 10 MB text
    // node that repaint alone takes 200-700 ms in Chromium. So while a long pass is under way the
    // caller hears of changes at most once a second (the first slice at once), and at the end.
    const clock = options.scheduler?.now ?? (() => performance.now());
    if (changed && (!more || clock() - lastChangeReport >= CHANGE_REPORT_INTERVAL_MS)) {
      changed = false;
      lastChangeReport = clock();
      options.onChange();
    }
    return more;
  }

  function queueMutations(records: MutationRecord[]): void {
    const started = IS_BENCH ? performance.now() : 0;
    queueMutationRecords(records);
    if (IS_BENCH) recordBenchTask('mutations', started);
  }

  function queueMutationRecords(records: MutationRecord[]): void {
    if (asleep) {
      if (records.some((record) => !options.isOwnNode(record.target))) scheduleWakeCheck();
      return;
    }
    let touched = false;
    let removedAny = false;
    let attributeRecords: MutationRecord[] | undefined;
    for (const record of records) {
      const target = record.target;
      if (options.isOwnNode(target)) continue;
      if (record.type === 'attributes') {
        attributeRecords ??= [];
        attributeRecords.push(record);
        continue;
      }
      if (record.type === 'childList') {
        const nodes = [...record.addedNodes, ...record.removedNodes];
        if (nodes.length > 0 && nodes.every((node) => options.isOwnNode(node))) continue;
      }
      // The first pass keeps positions and lengths of the text it read; it must know where they moved.
      walker?.noteChange?.(target, record.type === 'childList');
      if (record.type === 'childList') {
        // Only the removed nodes' own mentions go; scanning every mention here would grow with the page.
        for (const node of record.removedNodes) {
          removedAny = true;
          for (const removed of mentions.removeInside(node)) options.onRemove(removed);
        }
      }
      const element = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      const root = target.getRootNode();
      const key = element ? findBlockElement(element, root) : root;
      if (record.type === 'childList' && key === target && !isJoiningText(record)) {
        // Blocks added to a block, between blocks: re-scan just them, not the whole container
        // (a feed that appends paragraphs would otherwise re-scan everything it holds each time).
        for (const node of record.addedNodes) if (node.isConnected) dirtyKeys.add(node);
      } else dirtyKeys.add(key);
      touched = true;
    }
    if (removedAny && shadowRoots.size > 0) forgetShadowRoots((shadowRoot) => !shadowRoot.host.isConnected);
    if (attributeRecords) {
      // Only the changed element's block is scanned again, through the same queue as added
      // nodes: a carousel flipping aria-hidden on its slides costs one slide, not the page.
      for (const { element, skipped, key } of listSkipChanges(attributeRecords)) {
        if (!element.isConnected) continue;
        dirtyKeys.add(key);
        if (skipped) hiddenKeys.add(key);
        touched = true;
      }
    }
    if (!touched) return;
    complete = false;
    scheduler.request();
  }

  observeRoot(document);
  // The first slice runs in a task of its own right after this one rather than in idle time, so
  // the top of the page is marked at once; setting up and scanning never share a task, which
  // keeps the first, coldest one short.
  let markStarted = (): void => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const firstSlice = setTimeout(() => {
    const sliceStarted = IS_BENCH ? performance.now() : 0;
    if (runSlice(createDeadline(options.scheduler?.now))) scheduler.request();
    markStarted();
    if (IS_BENCH) recordBenchTask('first slice', sliceStarted);
  }, 0);

  return {
    mentions,
    get complete() {
      return complete;
    },
    started,
    destroy() {
      clearTimeout(firstSlice);
      clearTimeout(bareHostTimer);
      clearTimeout(wakeTimer);
      bareHosts.clear();
      markStarted();
      observer.disconnect();
      scheduler.destroy();
      for (const record of mentions.all()) options.onRemove(record);
      mentions.clear();
      pendingWeak = [];
    },
  };
}

/**
 * Whether a childList change can join or split runs of inline text in its
 * container: something other than a block element came or went, or a block
 * element came or went between inline content on both sides. Only then must
 * the container be re-scanned as a whole.
 */
function isJoiningText(record: MutationRecord): boolean {
  for (const node of [...record.addedNodes, ...record.removedNodes]) {
    if (node.nodeType !== Node.ELEMENT_NODE || isInlineElement(node as Element)) return true;
  }
  if (record.addedNodes.length > 0) {
    const first = record.addedNodes[0] as Node;
    const last = record.addedNodes[record.addedNodes.length - 1] as Node;
    if (isBetweenInlineContent(first.previousSibling, last.nextSibling)) return true;
  }
  return record.removedNodes.length > 0 && isBetweenInlineContent(record.previousSibling, record.nextSibling);
}

/** Whether `node` is inside `container`, or inside a shadow tree whose host is (at any depth). */
function isComposedInside(node: Node, container: Node): boolean {
  for (let current = node; ; ) {
    if (container.contains(current)) return true;
    const root = current.getRootNode();
    if (!isShadowRoot(root)) return false;
    current = root.host;
  }
}

/** Same as `text.trim().length > 1` without copying the text (most blocks of a table are short). */
function hasTwoVisibleCharacters(text: string): boolean {
  let seen = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // The characters String.prototype.trim removes: ASCII/Unicode spaces, line terminators, BOM.
    const isSpace =
      code === 32 ||
      (code >= 9 && code <= 13) ||
      code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff;
    if (!isSpace && ++seen > 1) return true;
  }
  return false;
}

function createDeadline(now: (() => number) | undefined): () => boolean {
  const clock = now ?? (() => performance.now());
  const deadline = clock() + 8;
  return () => clock() < deadline;
}
