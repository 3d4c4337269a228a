import type { EntityType } from '../../../src/store/types.ts';

export interface MentionRecord {
  range: Range;
  entityId: string;
  type: EntityType;
  /** The block this mention was found in. */
  key: Node;
  nodes: Text[];
}

/**
 * Every registered mention of the page, indexed by block (for re-scans) and by
 * text node (for hit-testing).
 */
export interface MentionStore {
  add(record: MentionRecord): void;
  /** Removes and returns the mentions found in `key` or in blocks inside it. */
  removeUnder(key: Node): MentionRecord[];
  /** Removes and returns mentions that touch `node` or text inside it (a node the page removed). */
  removeInside(node: Node): MentionRecord[];
  findByNode(node: Node): readonly MentionRecord[];
  all(): MentionRecord[];
  countByEntity(): Map<string, number>;
  readonly size: number;
  clear(): void;
}

/** Up to this many known blocks, removeUnder checks each with contains() instead of walking the subtree. */
const SMALL_STORE = 64;

export function createMentionStore(): MentionStore {
  const byKey = new Map<Node, MentionRecord[]>();
  const byNode = new Map<Node, MentionRecord[]>();
  let size = 0;

  function unindex(record: MentionRecord): void {
    for (const node of record.nodes) {
      const list = byNode.get(node);
      if (!list) continue;
      const next = list.filter((item) => item !== record);
      if (next.length) byNode.set(node, next);
      else byNode.delete(node);
    }
    size--;
  }

  return {
    add(record) {
      const list = byKey.get(record.key);
      if (list) list.push(record);
      else byKey.set(record.key, [record]);
      for (const node of record.nodes) {
        const nodeList = byNode.get(node);
        if (nodeList) nodeList.push(record);
        else byNode.set(node, [record]);
      }
      size++;
    },
    removeUnder(key) {
      const removed: MentionRecord[] = [];
      const take = (blockKey: Node) => {
        const list = byKey.get(blockKey);
        if (!list) return;
        byKey.delete(blockKey);
        for (const record of list) {
          unindex(record);
          removed.push(record);
        }
      };
      take(key);
      // Cost in proportion to the smaller side: few blocks known, or a small subtree to re-scan
      // (appends on a long live page re-scan one new block each, with thousands of blocks known).
      // The subtree's size is not known up front: walk it for as many steps as there are blocks
      // known, then check those blocks instead. A page hiding its whole app behind a modal
      // (aria-hidden on the root) would otherwise walk every element of the page in one task.
      const checkEachBlock = () => {
        for (const blockKey of [...byKey.keys()]) if (key.contains(blockKey)) take(blockKey);
      };
      if (byKey.size <= SMALL_STORE) checkEachBlock();
      else {
        const walker = (key.ownerDocument ?? (key as Document)).createTreeWalker(
          key,
          NodeFilter.SHOW_ELEMENT,
        );
        const budget = byKey.size;
        let steps = 0;
        while (walker.nextNode()) {
          if (++steps > budget) {
            checkEachBlock();
            break;
          }
          take(walker.currentNode);
        }
      }
      return removed;
    },
    removeInside(node) {
      const removed: MentionRecord[] = [];
      if (size === 0) return removed;
      const take = (text: Node) => {
        const list = byNode.get(text);
        if (!list) return;
        for (const record of [...list]) {
          const kept = byKey.get(record.key)?.filter((item) => item !== record) ?? [];
          if (kept.length) byKey.set(record.key, kept);
          else byKey.delete(record.key);
          unindex(record);
          removed.push(record);
        }
      };
      if (node.nodeType === Node.TEXT_NODE) take(node);
      else {
        const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(
          node,
          NodeFilter.SHOW_TEXT,
        );
        while (walker.nextNode()) take(walker.currentNode);
      }
      return removed;
    },
    findByNode(node) {
      return byNode.get(node) ?? [];
    },
    all() {
      const records: MentionRecord[] = [];
      for (const list of byKey.values()) records.push(...list);
      return records;
    },
    countByEntity() {
      const counts = new Map<string, number>();
      for (const list of byKey.values()) {
        for (const record of list) counts.set(record.entityId, (counts.get(record.entityId) ?? 0) + 1);
      }
      return counts;
    },
    get size() {
      return size;
    },
    clear() {
      byKey.clear();
      byNode.clear();
      size = 0;
    },
  };
}
