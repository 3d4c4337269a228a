import { SKIPPED_SELECTOR } from './should-skip-element.ts';

/**
 * Elements whose name has a hyphen: custom elements (and the few SVG and MathML names such as
 * `font-face`, which host nothing and are left to the caller's shadow-root look). No selector
 * can ask for part of a tag name; this XPath does, in one native pass. Measured here on a
 * 38,000-element page, against `:not(div, span, …)` over every standard tag: 2.2 against 5.2 ms
 * in Chromium, 2 against 5 ms in Firefox.
 */
const COMPONENT_XPATH = "descendant::*[contains(local-name(), '-')]";

/**
 * The same elements by selector, where a DOM has no XPath (happy-dom, which runs the unit tests;
 * every browser has it): anything but an HTML element name, the two foreign roots and their
 * content, filtered for the hyphen below.
 */
const STANDARD_TAGS = [
  'div span a p li td tr img br i b em strong ul table tbody th thead tfoot ol dl dt dd',
  'h1 h2 h3 h4 h5 h6 section article aside header footer nav main figure figcaption picture source',
  'button label input select option optgroup textarea form fieldset legend output meter progress',
  'script style link meta noscript template slot title head body html base',
  'abbr address area audio bdi bdo blockquote canvas caption cite code col colgroup data datalist',
  'del details dfn dialog embed hgroup hr iframe ins kbd map mark menu object param pre q rp rt ruby',
  's samp search small sub summary sup time track u var video wbr',
  'acronym applet basefont bgsound big blink center dir font frame frameset image isindex keygen',
  'listing marquee menuitem multicol nextid nobr noembed noframes plaintext rb rtc spacer strike tt xmp',
  'portal selectedcontent svg math',
]
  .join(' ')
  .split(' ');
const COMPONENT_SELECTOR = `:not(${STANDARD_TAGS.join(',')})`;

function queryHyphenated(root: Element): ArrayLike<Element> {
  const document = root.ownerDocument;
  if (typeof document.evaluate !== 'function' || typeof XPathResult === 'undefined')
    return [...root.querySelectorAll(COMPONENT_SELECTOR)].filter((element) =>
      element.localName.includes('-'),
    );
  const found = document.evaluate(COMPONENT_XPATH, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  const elements: Element[] = [];
  for (let index = 0; index < found.snapshotLength; index++)
    elements.push(found.snapshotItem(index) as Element);
  return elements;
}

/** True when `root` holds an element whose name has a hyphen (see COMPONENT_XPATH): one native look that stops at the first. */
export function hasHyphenatedElement(root: Element): boolean {
  const document = root.ownerDocument;
  if (typeof document.evaluate !== 'function' || typeof XPathResult === 'undefined')
    return queryHyphenated(root).length > 0;
  return (
    document.evaluate(COMPONENT_XPATH, root, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null)
      .singleNodeValue !== null
  );
}

/**
 * Hands every custom element under `root` outside skipped content to `onShadowRoot` (its open
 * shadow root) or `onBareCustomElement` (none yet), with one query instead of a look at every
 * element: the pruned first pass (prune-text-regions.ts) never visits most of the page, and
 * components in the parts it passes over can hold names in their shadow trees. Built-in elements
 * that host a shadow root (`div.attachShadow`) are not found here; pages put shadow trees on
 * custom elements. Returns how many elements the query found.
 */
export function findComponentHosts(
  root: Element,
  onShadowRoot: (shadowRoot: ShadowRoot) => void,
  onBareCustomElement: (element: Element) => void,
): number {
  const found = queryHyphenated(root);
  for (let index = 0; index < found.length; index++)
    visitComponentHost(found[index] as Element, onShadowRoot, onBareCustomElement);
  return found.length;
}

/** What findComponentHosts does with each element it finds, for one element (its own name is not looked at). */
export function visitComponentHost(
  element: Element,
  onShadowRoot: (shadowRoot: ShadowRoot) => void,
  onBareCustomElement: (element: Element) => void,
): void {
  if (element.closest(SKIPPED_SELECTOR)) return;
  const shadowRoot = element.shadowRoot;
  if (shadowRoot) onShadowRoot(shadowRoot);
  else onBareCustomElement(element);
}
