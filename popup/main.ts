import { type CardEntity, parseEntityAnswer } from '../src/messaging/messages.ts';
import { browser } from '../src/platform/browser.ts';
import { translate } from '../src/platform/translate.ts';
import { readSettings, watchSettings } from '../src/settings/settings-storage.ts';
import { loadBundledStore } from '../src/store/load-store.ts';
import { readPackIndex } from '../src/store/pack-storage.ts';
import { createPopupCard } from './create-popup-card.ts';
import { readPageState } from './read-page-state.ts';
import { renderPageEntities } from './render-page-entities.ts';
import { renderPageStatus } from './render-page-status.ts';
import { renderSwitches } from './render-switches.ts';
import { resolveTargetTab } from './resolve-target-tab.ts';
import { buildSearchIndex, searchEntities } from './search-entities.ts';

/** Entry: wiring only. The page's entities, the switches, and search over the whole store. */
function requireElement<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`popup/index.html lacks #${id}`);
  return element as T;
}

function translatePage(): void {
  document.documentElement.lang = translate('@@ui_locale').replace('_', '-');
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = translate(element.dataset.i18n ?? '');
  for (const element of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))
    element.placeholder = translate(element.dataset.i18nPlaceholder ?? '');
}

/** How often, and how many times, the popup looks again at a page that is still loading (30 s in all). */
const LOADING_CHECK_MS = 500;
const MAX_LOADING_CHECKS = 60;
/** Looks after the load, for the content script to start listening (3 s in all). */
const SETTLE_CHECKS = 6;

async function main(): Promise<void> {
  translatePage();
  const bundled = loadBundledStore();
  const bundledById = new Map(bundled.entities.map((entity) => [entity.id, entity]));
  const [tab, settings, packIndex] = await Promise.all([
    resolveTargetTab(location.search),
    readSettings(),
    readPackIndex(),
  ]);
  const all = [...bundled.entities, ...packIndex];
  const names = new Map<string, string>();
  for (const entity of all) if (!names.has(entity.id)) names.set(entity.id, entity.name);

  const card = createPopupCard({
    host: requireElement('card'),
    loadEntity: async (id): Promise<CardEntity | undefined> => {
      const entity = bundledById.get(id);
      if (entity) return { entity, language: bundled.meta.language };
      return parseEntityAnswer(
        await browser.runtime.sendMessage({ type: 'cc:get-entity', id }).catch(() => undefined),
      );
    },
    nameOf: (id) => names.get(id),
    theme: () => settings.theme,
    onClose: () => requireElement('search').focus(),
  });

  // Search works on every page, including those where no content script runs.
  const index = buildSearchIndex(all);
  const search = requireElement<HTMLInputElement>('search');
  const results = requireElement<HTMLUListElement>('results');
  search.addEventListener('input', () => {
    const found = searchEntities(index, search.value);
    results.replaceChildren(
      ...found.map(({ entity, matchedAlias }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'entity';
        button.dataset.entity = entity.id;
        const name = document.createElement('span');
        name.className = 'name';
        name.textContent = matchedAlias ? `${entity.name} (${matchedAlias})` : entity.name;
        const type = document.createElement('span');
        type.className = 'type';
        type.textContent = translate(`type_${entity.type}`);
        button.append(name, type);
        button.addEventListener('click', () => void card.open(entity.id));
        const item = document.createElement('li');
        item.append(button);
        return item;
      }),
    );
    requireElement('no-results').hidden = Boolean(found.length) || !search.value.trim();
  });
  requireElement('open-settings').addEventListener('click', () => {
    void browser.runtime.openOptionsPage().then(() => window.close());
  });

  const page = requireElement('page');
  let target = tab;
  let loadingChecks = 0;
  let settleChecks = 0;
  async function showPage(): Promise<string> {
    let state = await readPageState(target);
    // The tab says "complete" a moment before its content script listens: after a load, a page
    // with no answer yet is given a few more looks before the popup calls it unreadable.
    if (
      loadingChecks > 0 &&
      (state.kind === 'restricted' || state.kind === 'not-loaded') &&
      settleChecks++ < SETTLE_CHECKS
    )
      state = { kind: 'loading' };
    // A page still loading has no content script yet (they run once it has): look again shortly,
    // and draw the site switch once the page can name its site.
    if (state.kind === 'loading' && loadingChecks++ < MAX_LOADING_CHECKS) {
      setTimeout(async () => {
        if (target?.id !== undefined) target = await browser.tabs.get(target.id).catch(() => target);
        const site = await showPage();
        if (site) requireElement('switches').replaceChildren(renderSwitches(await readSettings(), site));
      }, LOADING_CHECK_MS);
    }
    const status = renderPageStatus(state, tab?.id);
    if (status) page.replaceChildren(status);
    else if (state.kind === 'ready' && !state.page.entities.length) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = translate('popupNothingFound');
      page.replaceChildren(empty);
    } else if (state.kind === 'ready') {
      page.replaceChildren(
        renderPageEntities(state.page.entities, (id) => {
          if (tab?.id === undefined) return;
          // The page scrolls to the first mention and opens the card; the popup then gets out of the way.
          void browser.tabs
            .sendMessage(tab.id, { type: 'cc:open-card', id }, { frameId: 0 })
            .catch(() => undefined)
            .then(() => window.close());
        }),
      );
    }
    return state.kind === 'ready' ? (state.page.site ?? '') : '';
  }

  const site = await showPage();
  requireElement('switches').replaceChildren(renderSwitches(settings, site || undefined));
  // After a switch, the page needs a moment to scan (or to tear down) before its list is current.
  const watching = new AbortController();
  watchSettings(() => void setTimeout(() => void showPage(), 600), watching.signal);
  document.body.dataset.ready = 'true';
}

void main();
