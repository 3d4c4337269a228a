import type { Matcher, Mention } from '../../../src/matcher/compile-matcher.ts';
import type { EntityType } from '../../../src/store/types.ts';
import { findBlockElement } from './find-block-element.ts';
import { mapOffsetsToRange } from './map-offsets-to-range.ts';
import { createMentionStore, type MentionRecord, type MentionStore } from './mention-store.ts';
import { IS_BENCH, markBenchOnce, recordBenchTask } from './record-bench-task.ts';
import { createSliceScheduler, type SchedulerOptions } from './schedule-slices.ts';
import { isInsideSkippedElement } from './should-skip-element.ts';
import { type BlockWalker, createBlockWalker, type TextBlock } from './walk-text-blocks.ts';

/** Blocks longer than this are scanned in windows, so one huge text node never blocks the page. */
const WINDOW = 32_768;
/** Longer than any alias, so a mention that straddles two windows is still found whole. */
const WINDOW_OVERLAP = 256;
/** A mutation batch touching more blocks than this is cheaper to handle as one full re-scan. */
const FULL_RESCAN_THRESHOLD = 400;

export interface AnnotatorOptions {
  document: Document;
  matcher: Matcher;
  typeOf: (entityId: string) => EntityType | undefined;
  /** Called when a mention is registered or removed; the caller owns the highlights. */
  onAdd: (record: MentionRecord) => void;
  onRemove: (record: MentionRecord) => void;
  /** Called after each slice that changed the set of mentions. */
  onChange: () => void;
  /** Nodes that are ours (the card host); their mutations are ignored. */
  isOwnNode: (node: Node) => boolean;
  scheduler?: Pick<SchedulerOptions, 'now' | 'queue' | 'budgetMs'>;
}

export interface Annotator {
  readonly mentions: MentionStore;
  /** True once the first full pass has registered every mention. */
  readonly complete: boolean;
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
  let walker: BlockWalker | undefined;
  let inProgress: BlockInProgress | undefined;
  let complete = false;
  let changed = false;
  const observer = new MutationObserver(queueMutations);
  const scheduler = createSliceScheduler({ ...options.scheduler, work: runSlice });

  function observeRoot(root: Node): void {
    observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  function queueShadowRoot(shadowRoot: ShadowRoot): void {
    roots.push(shadowRoot);
    observeRoot(shadowRoot);
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
    }
    for (const mention of scan.mentions) {
      if (mention.start >= end - offset) break; // belongs to the next window
      const shifted = { ...mention, start: mention.start + offset, end: mention.end + offset };
      // The page-level decision on weak aliases (see src/matcher/resolve-weak-mentions.ts) is made here:
      // a weak mention waits until its entity is confirmed anywhere on the page.
      if (mention.strength === 'weak' && !confirmedIds.has(mention.entityId)) {
        pendingWeak.push({ mention: shifted, block });
      } else {
        register(block, shifted);
      }
    }
    progress.offset = end;
    return !last;
  }

  function releaseWeak(entityId: string): void {
    const keep: PendingWeak[] = [];
    for (const pending of pendingWeak) {
      if (pending.mention.entityId !== entityId) keep.push(pending);
      else if (pending.block.segments.every((segment) => segment.node.isConnected)) {
        register(pending.block, pending.mention);
      }
    }
    pendingWeak = keep;
  }

  function nextWalker(): BlockWalker | undefined {
    const dirty = takeDirtyKeys();
    if (dirty) return dirty;
    const root = roots.shift();
    return root ? createBlockWalker(root, queueShadowRoot) : undefined;
  }

  function takeDirtyKeys(): BlockWalker | undefined {
    for (const key of dirtyKeys) {
      dirtyKeys.delete(key);
      if (!key.isConnected || isInsideSkippedElement(key)) continue;
      for (const record of mentions.removeUnder(key)) options.onRemove(record);
      pendingWeak = pendingWeak.filter(
        (pending) => pending.block.key !== key && !key.contains(pending.block.key),
      );
      changed = true;
      return createBlockWalker(key, queueShadowRoot);
    }
    return undefined;
  }

  function runSlice(hasTime: () => boolean): boolean {
    do {
      if (inProgress) {
        if (!scanWindow(inProgress)) inProgress = undefined;
        continue;
      }
      walker ??= nextWalker();
      if (!walker) break;
      const block = walker.nextBlock();
      if (!block) {
        walker = undefined;
        continue;
      }
      if (block.text.trim().length > 1) inProgress = { block, offset: 0 };
    } while (hasTime());
    const more = Boolean(inProgress || walker || roots.length || dirtyKeys.size);
    if (!more) complete = true;
    if (IS_BENCH && complete) markBenchOnce('cc:complete');
    if (changed) {
      changed = false;
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
    let touched = false;
    for (const record of records) {
      const target = record.target;
      if (options.isOwnNode(target)) continue;
      if (record.type === 'childList') {
        const nodes = [...record.addedNodes, ...record.removedNodes];
        if (nodes.length > 0 && nodes.every((node) => options.isOwnNode(node))) continue;
      }
      const element = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      const root = target.getRootNode();
      dirtyKeys.add(element ? findBlockElement(element, root, new Map()) : root);
      touched = true;
    }
    if (!touched) return;
    for (const record of mentions.removeDetached()) options.onRemove(record);
    if (dirtyKeys.size > FULL_RESCAN_THRESHOLD) {
      dirtyKeys.clear();
      dirtyKeys.add(document.documentElement);
    }
    complete = false;
    scheduler.request();
  }

  observeRoot(document);
  // The first slice runs now, so the top of the page is marked without waiting for idle time.
  if (runSlice(createDeadline(options.scheduler?.now))) scheduler.request();

  return {
    mentions,
    get complete() {
      return complete;
    },
    destroy() {
      observer.disconnect();
      scheduler.destroy();
      for (const record of mentions.all()) options.onRemove(record);
      mentions.clear();
      pendingWeak = [];
    },
  };
}

function createDeadline(now: (() => number) | undefined): () => boolean {
  const clock = now ?? (() => performance.now());
  const deadline = clock() + 8;
  return () => clock() < deadline;
}
