import type { Entity } from '../store/types.ts';

/** What the matcher needs of an entity (the card content stays in the store). */
export type MatchableEntity = Pick<Entity, 'id' | 'type' | 'aliases' | 'contextWords'>;

/** One mention in a block. `text.slice(start, end)` is exactly the surface form on the page. */
export interface Mention {
  /** UTF-16 index into the original block text, inclusive. */
  start: number;
  /** UTF-16 index into the original block text, exclusive. */
  end: number;
  entityId: string;
  /** The store alias that matched, as the store writes it. */
  alias: string;
  strength: 'strong' | 'weak';
}

export interface BlockScan {
  /** Strong and weak candidates, sorted by start, non-overlapping. */
  mentions: Mention[];
  /** Entity ids confirmed in this block: a strong alias matched or a context word appeared. */
  confirmedIds: string[];
}

export type CandidateRole = 'strong' | 'weak' | 'context';
export type OnCandidate = (start: number, end: number, role?: CandidateRole, entityId?: string) => void;

export interface Matcher {
  /** Scan one block of page text. Pure; reusable for every block of a page. */
  scanText(text: string): BlockScan;
  /**
   * Every place in `text` (any stretch of a page's text, blocks run together) where a mention
   * could start or an entity be confirmed, as `onCandidate(start, end)` in original indices, in
   * order. A superset of what scanText finds in any block cut from that text: no word
   * boundaries, ALL-CAPS runs or exclusions are checked, as the characters around a candidate
   * may belong to another block. Lets the content script skip the parts of a page with none
   * (prune-text-regions.ts); a matcher without it has every part walked.
   *
   * `role` and `entityId` say what the candidate can do, once per meaning of it (so a place can
   * be handed over more than once): 'strong', a strong alias (a mention alone, which also
   * confirms its entity); 'weak', a weak alias (a mention only where its entity is confirmed);
   * 'context', a context word (confirms its entity, and so matters only where a weak alias of it
   * is). Without a role the candidate counts alone.
   */
  findCandidates?(text: string, onCandidate: OnCandidate): void;
  /**
   * False when no candidate (see findCandidates) can run from the end of `before` into the start
   * of `after`, judged by the one character on each side of the seam and the whitespace between:
   * no name or context word holds that pair. True when one could, or when a side's character is
   * not one that folds to a single unit (a surrogate, a mark, an invisible one). Lets the content
   * script pass over most line breaks without scanning the text around them. `spaced`: whitespace
   * (a line break) stands between the two, as if `before` ended with it, without building that string.
   */
  canJoin?(before: string, after: string, spaced?: boolean): boolean;
  /**
   * False only when no alias can be in `text` (any stretch of a page's text, blocks run
   * together), judged in native code (prefilter.ts): a page naming no one is then not walked.
   */
  mayHaveMention?(text: string): boolean;
  /** False only when `text` holds no alias at all, unconfirmed weak ones included (see mayHaveMention). */
  mayHaveAlias?(text: string): boolean;
}
