/**
 * The one seam to the browser (DESIGN.md decision 6): only this file imports
 * webextension-polyfill, so unit tests mock this module and nothing else.
 */
import browser from 'webextension-polyfill';

export type { Browser, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
