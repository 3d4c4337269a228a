import type { Mention } from './matcher-types.ts';

/**
 * The page-level decision: keep a weak mention only if its entity is confirmed anywhere on
 * the page. A block scan cannot decide it (the confirming name may be three paragraphs
 * away), so the content script collects `confirmedIds` from every block's `BlockScan`, then
 * calls this once on the page's mentions (and again when new blocks arrive). Strong
 * mentions always stay. Order is kept.
 */
export function resolveWeakMentions(
  mentions: readonly Mention[],
  confirmedIds: ReadonlySet<string>,
): Mention[] {
  return mentions.filter((mention) => mention.strength === 'strong' || confirmedIds.has(mention.entityId));
}
