import { SKIPPED_SELECTOR } from './should-skip-element.ts';

/**
 * Every element name of HTML (current and obsolete) and the two foreign roots. Anything else is
 * a custom element (its name has a hyphen) or an unknown one, which cannot host a shadow root.
 * The most common names come first: `:not()` stops at the first that matches.
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

/** Elements that may host an open shadow root and are not standard HTML: custom elements. */
const COMPONENT_SELECTOR = `:not(${STANDARD_TAGS.join(',')})`;

/**
 * Hands every custom element under `root` outside skipped content to `onShadowRoot` (its open
 * shadow root) or `onBareCustomElement` (none yet), with one selector query instead of a look at
 * every element: the pruned first pass (prune-text-regions.ts) never visits most of the page,
 * and components in the parts it passes over can hold names in their shadow trees. Built-in
 * elements that host a shadow root (`div.attachShadow`) are not found here; pages put shadow
 * trees on custom elements.
 */
export function findComponentHosts(
  root: Element,
  onShadowRoot: (shadowRoot: ShadowRoot) => void,
  onBareCustomElement: (element: Element) => void,
): number {
  const found = root.querySelectorAll(COMPONENT_SELECTOR);
  for (let index = 0; index < found.length; index++) {
    const element = found[index] as Element;
    if (!element.localName.includes('-') || element.closest(SKIPPED_SELECTOR)) continue;
    const shadowRoot = element.shadowRoot;
    if (shadowRoot) onShadowRoot(shadowRoot);
    else onBareCustomElement(element);
  }
  return found.length;
}
