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
  /** Removes and returns mentions whose text left the document. */
  removeDetached(): MentionRecord[];
  findByNode(node: Node): readonly MentionRecord[];
  all(): MentionRecord[];
  countByEntity(): Map<string, number>;
  readonly size: number;
  clear(): void;
}

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
      for (const [blockKey, list] of byKey) {
        if (blockKey !== key && !key.contains(blockKey)) continue;
        byKey.delete(blockKey);
        for (const record of list) {
          unindex(record);
          removed.push(record);
        }
      }
      return removed;
    },
    removeDetached() {
      const removed: MentionRecord[] = [];
      for (const [blockKey, list] of byKey) {
        const kept = list.filter((record) => {
          const attached = record.nodes.every((node) => node.isConnected);
          if (!attached) {
            unindex(record);
            removed.push(record);
          }
          return attached;
        });
        if (kept.length) byKey.set(blockKey, kept);
        else byKey.delete(blockKey);
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
