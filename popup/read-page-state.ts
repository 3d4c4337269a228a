import { type PageEntities, parsePageEntities } from '../src/messaging/messages.ts';
import { browser, type Tabs } from '../src/platform/browser.ts';

export type PageState =
  | { kind: 'ready'; page: PageEntities }
  /** Browser pages, extension stores and other pages no extension may script. */
  | { kind: 'restricted' }
  /** The user withheld or revoked our access (Firefox MV3, Chrome site access); `origin` when the URL is known. */
  | { kind: 'no-access'; origin: string | undefined }
  /** We may run here but did not: the page was open before the extension was installed or allowed. */
  | { kind: 'not-loaded' }
  /** The page is still loading: content scripts run once it has (document_idle). */
  | { kind: 'loading' };

/**
 * Hosts where browsers forbid every extension's content scripts: the extension stores, and the
 * Mozilla sites Firefox keeps extensions out of (its extensions.webextensions.restrictedDomains).
 */
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
];

/** The scheme and host of a URL a content script could run on, or undefined for browser pages and stores. */
export function findScriptableOrigin(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (STORE_HOSTS.includes(parsed.hostname)) return undefined;
  if (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return undefined;
  return parsed.origin;
}

/** The match pattern for one origin: patterns carry no port, so it covers every port of the host. */
export function toOriginPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

async function hasAccess(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Asks the tab's top frame for its entities; when no content script answers,
 * works out why. tab.url is only known with access to the page (or activeTab,
 * when the user opened the popup from the toolbar), so an unknown URL with
 * access to all sites means a page no extension may script.
 */
export async function readPageState(tab: Tabs.Tab | undefined): Promise<PageState> {
  if (tab?.id === undefined) return { kind: 'restricted' };
  try {
    const answer = await browser.tabs.sendMessage(tab.id, { type: 'cc:list-page-entities' }, { frameId: 0 });
    const page = parsePageEntities(answer);
    if (page) return { kind: 'ready', page };
  } catch {
    // No content script in that tab: find out why below.
  }
  if (tab.url) {
    const origin = findScriptableOrigin(tab.url);
    if (!origin) return { kind: 'restricted' };
    if (!(await hasAccess(toOriginPattern(origin)))) return { kind: 'no-access', origin };
    return tab.status === 'loading' ? { kind: 'loading' } : { kind: 'not-loaded' };
  }
  if (!(await hasAccess('<all_urls>'))) return { kind: 'no-access', origin: undefined };
  // With access to every site, a hidden URL is a browser page, or a page still loading (the
  // popup looks again once it has).
  return tab.status === 'loading' ? { kind: 'loading' } : { kind: 'restricted' };
}
