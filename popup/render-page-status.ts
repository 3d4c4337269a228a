import { browser } from '../src/platform/browser.ts';
import { translate } from '../src/platform/translate.ts';
import { type PageState, toOriginPattern } from './read-page-state.ts';

function createButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

/**
 * Why the page has no list, with the one action that helps, if any. The
 * permission request must start inside the click handler (a user gesture),
 * so nothing is awaited before it.
 */
export function renderPageStatus(state: PageState, tabId: number | undefined): HTMLElement | undefined {
  const box = document.createElement('div');
  box.className = 'status';
  box.dataset.state = state.kind;
  const text = document.createElement('p');
  box.append(text);
  const reload = () => {
    if (tabId !== undefined) void browser.tabs.reload(tabId).then(() => window.close());
  };
  switch (state.kind) {
    case 'ready':
      if (state.page.active) return undefined;
      text.textContent = translate(state.page.site ? 'popupOffHere' : 'popupOff');
      return box;
    case 'restricted':
      text.textContent = translate('popupRestricted');
      return box;
    case 'loading':
      text.textContent = translate('popupPageLoading');
      return box;
    case 'not-loaded':
      text.textContent = translate('popupNotLoaded');
      box.append(createButton(translate('popupReload'), reload));
      return box;
    case 'no-access': {
      const origin = state.origin;
      text.textContent = origin
        ? translate('popupNoAccess', new URL(origin).hostname)
        : translate('popupNoAccessAll');
      const result = document.createElement('p');
      result.className = 'result';
      const allow = createButton(translate(origin ? 'popupAllowSite' : 'popupAllowAll'), () => {
        const pattern = origin ? toOriginPattern(origin) : '<all_urls>';
        // Firefox may close the popup while its prompt is open; then the page
        // shows "reload" the next time the popup opens.
        browser.permissions.request({ origins: [pattern] }).then(
          (granted) => {
            result.textContent = translate(granted ? 'popupAllowed' : 'popupNotAllowed');
            if (granted) reload();
          },
          (error: unknown) => {
            result.textContent = error instanceof Error ? error.message : String(error);
          },
        );
      });
      allow.className = 'primary';
      allow.id = 'allow-site';
      box.append(allow, result);
      return box;
    }
  }
}
