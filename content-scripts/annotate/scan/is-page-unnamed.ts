import type { Matcher } from '../../../src/matcher/compile-matcher.ts';
import { hasHyphenatedElement } from './find-component-hosts.ts';
import { type FindCandidates, isJunctionOfCandidate } from './is-junction-of-candidate.ts';
import { listCodeJoints, type PageText, readPageText } from './read-page-text.ts';

/**
 * True when the matcher's native first look (mayHaveMention) finds that no mention can be on
 * the page: its text read at once, long scripts and styles left out (readPageText), holds none,
 * no shorter code or drawing sits inside a name (the walk leaves their text out and joins what
 * is around them), and there are no custom elements, whose shadow trees the text read at once
 * does not hold. A line break needs no look: read at once it is nothing, and a pattern's space
 * matches nothing. False whenever the matcher has no such look. `read`: the root's text, and
 * `hasComponents`: whether it holds a custom element (hasHyphenatedElement), when the caller has them.
 */
export function isPageUnnamed(
  root: Element,
  matcher: Matcher,
  read: PageText = readPageText(root),
  hasComponents = hasHyphenatedElement(root),
): boolean {
  const { mayHaveMention, mayHaveAlias } = matcher;
  if (!mayHaveMention || !mayHaveAlias || hasComponents) return false;
  if (mayHaveMention.call(matcher, read.clean)) return false;
  // Any alias across a joint, confirmed or not: the confirmation may be anywhere on the page.
  const findAliases: FindCandidates = (text, onCandidate) => {
    if (mayHaveAlias.call(matcher, text)) onCandidate(0, text.length);
  };
  return !listCodeJoints(read).some((element) => isJunctionOfCandidate(element, '', findAliases));
}
