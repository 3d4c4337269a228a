/**
 * The permission set Context Cards ships with, exactly, and why each entry is there. A change to
 * the manifest that widens what the extension may do fails the tests until this file (and the
 * README's Privacy section) say why.
 */
export const EXPECTED_PERMISSIONS = {
  // Settings and imported packs (storage.sync / storage.local). Nothing else is stored.
  storage: 'settings and imported packs',
  // The "Look up in Context Cards" item on selected text.
  contextMenus: 'the Look up context-menu item',
  // Lets the popup's "Allow on this site" and the keyboard commands reach the current tab after a
  // user gesture, where the browser withholds the content script's host access (Firefox MV3
  // treats <all_urls> content-script matches as optional until the user grants them).
  activeTab: 'access to the current tab after a click or shortcut',
} as const;

/** Never: each would let the extension watch browsing, run code in pages, or reach the network. */
export const FORBIDDEN_PERMISSIONS = [
  'tabs',
  'scripting',
  'webRequest',
  'webRequestBlocking',
  'declarativeNetRequest',
  'declarativeNetRequestWithHostAccess',
  'history',
  'cookies',
  'downloads',
  'bookmarks',
  'topSites',
  'webNavigation',
  'management',
  'nativeMessaging',
  'debugger',
  'proxy',
  'privacy',
  'clipboardRead',
  'geolocation',
  'identity',
  'unlimitedStorage',
  '<all_urls>',
] as const;

/**
 * The only host access: the content script's matches. Reading every page is the product (marking
 * names wherever the reader is); the script reads text and never sends it anywhere.
 */
export const CONTENT_SCRIPT_MATCHES = ['<all_urls>'];

/** Top-level manifest keys allowed in both builds; browser_specific_settings only in Firefox. */
export const ALLOWED_KEYS = [
  'manifest_version',
  'name',
  'short_name',
  'description',
  'version',
  'default_locale',
  'icons',
  'permissions',
  'action',
  'options_ui',
  'content_scripts',
  'commands',
  'background',
] as const;

/** Keys that would widen the attack surface or the extension's reach; none may appear. */
export const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'web_accessible_resources',
  'externally_connectable',
  'content_security_policy',
  'sandbox',
  'update_url',
  'key',
  'oauth2',
  'declarative_net_request',
  'chrome_url_overrides',
  'devtools_page',
  'nacl_modules',
] as const;

type Manifest = Record<string, unknown>;

/** Every way a manifest departs from the expected set, in words; empty when it matches exactly. */
export function findManifestProblems(manifest: Manifest, browser: 'chrome' | 'firefox' | 'source'): string[] {
  const problems: string[] = [];
  const permissions = Array.isArray(manifest.permissions)
    ? [...(manifest.permissions as string[])].sort()
    : [];
  const expected = Object.keys(EXPECTED_PERMISSIONS).sort();
  if (JSON.stringify(permissions) !== JSON.stringify(expected))
    problems.push(
      `permissions are ${JSON.stringify(permissions)}, expected exactly ${JSON.stringify(expected)}`,
    );
  for (const permission of FORBIDDEN_PERMISSIONS)
    if (permissions.includes(permission)) problems.push(`forbidden permission ${permission}`);
  for (const key of FORBIDDEN_KEYS) if (key in manifest) problems.push(`forbidden key ${key}`);
  const allowed = new Set<string>([
    ...ALLOWED_KEYS,
    ...(browser === 'chrome' ? [] : ['browser_specific_settings']),
  ]);
  for (const key of Object.keys(manifest)) if (!allowed.has(key)) problems.push(`unexpected key ${key}`);
  if (manifest.manifest_version !== 3) problems.push('not Manifest V3');

  const scripts = Array.isArray(manifest.content_scripts) ? (manifest.content_scripts as Manifest[]) : [];
  if (scripts.length !== 1) problems.push(`${scripts.length} content scripts, expected 1`);
  for (const script of scripts) {
    if (JSON.stringify(script.matches) !== JSON.stringify(CONTENT_SCRIPT_MATCHES))
      problems.push(`content script matches ${JSON.stringify(script.matches)}`);
    if (script.world !== undefined && script.world !== 'ISOLATED')
      problems.push(`content script world ${String(script.world)}`);
    if ('match_origin_as_fallback' in script) problems.push('match_origin_as_fallback widens host access');
  }

  const background = (manifest.background ?? {}) as Manifest;
  if (browser === 'chrome' && typeof background.service_worker !== 'string')
    problems.push('no service worker');
  if (browser === 'firefox' && !Array.isArray(background.scripts)) problems.push('no background scripts');
  if (browser !== 'chrome') {
    const gecko = ((manifest.browser_specific_settings ?? {}) as Manifest).gecko as Manifest | undefined;
    const collection = gecko?.data_collection_permissions as Manifest | undefined;
    if (JSON.stringify(collection) !== JSON.stringify({ required: ['none'] }))
      problems.push(
        `data_collection_permissions is ${JSON.stringify(collection)}, expected { required: ["none"] }`,
      );
  }
  return problems;
}
