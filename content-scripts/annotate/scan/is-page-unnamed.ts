import type { Matcher } from '../../../src/matcher/compile-matcher.ts';
import { hasHyphenatedElement } from './find-component-hosts.ts';
import { type FindCandidates, isJunctionOfCandidate } from './is-junction-of-candidate.ts';

/**
 * Code at least this long is left out of the text read at once, found in it by its own text, as
 * the pruned walk does (prune-text-regions.ts): minified scripts and inline JSON hold many words.
 */
const LONG_CODE_CHARS = 256;

/**
 * True when the matcher's native first look (mayHaveMention) finds that no mention can be on
 * the page: its text read at once, long scripts and styles left out, holds none, no shorter code
 * or drawing sits inside a name (the walk leaves their text out and joins what is around them),
 * and there are no custom elements, whose shadow trees the text read at once does not hold.
 * A line break needs no look: read at once it is nothing, and a pattern's space matches nothing.
 * False whenever the matcher has no such look. `raw`: the root's textContent, and `hasComponents`:
 * whether it holds a custom element (hasHyphenatedElement), when the caller has them.
 */
export function isPageUnnamed(
  root: Element,
  matcher: Matcher,
  raw = root.textContent ?? '',
  hasComponents = hasHyphenatedElement(root),
): boolean {
  const { mayHaveMention, mayHaveAlias } = matcher;
  if (!mayHaveMention || !mayHaveAlias || hasComponents) return false;
  const found = root.querySelectorAll('script,style,svg');
  const joints: Element[] = [];
  const pieces: string[] = [];
  let cursor = 0;
  for (let index = 0; index < found.length; index++) {
    const element = found[index] as Element;
    const text = element.textContent ?? '';
    if (text === '') continue;
    const at = element.localName !== 'svg' && text.length >= LONG_CODE_CHARS ? raw.indexOf(text, cursor) : -1;
    if (at < 0) {
      joints.push(element);
      continue;
    }
    pieces.push(raw.slice(cursor, at));
    cursor = at + text.length;
  }
  pieces.push(raw.slice(cursor));
  if (mayHaveMention.call(matcher, pieces.join(''))) return false;
  // Any alias across a joint, confirmed or not: the confirmation may be anywhere on the page.
  const findAliases: FindCandidates = (text, onCandidate) => {
    if (mayHaveAlias.call(matcher, text)) onCandidate(0, text.length);
  };
  return !joints.some((element) => isJunctionOfCandidate(element, '', findAliases));
}
