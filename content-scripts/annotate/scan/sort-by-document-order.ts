import type { MentionRecord } from './mention-store.ts';

/** Mentions in reading order. Ranges in different trees (shadow roots) cannot be compared and keep their order. */
export function sortByDocumentOrder(records: MentionRecord[]): MentionRecord[] {
  return records.sort((a, b) => {
    try {
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    } catch {
      return 0;
    }
  });
}
