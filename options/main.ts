import { translate } from '../src/platform/translate.ts';
import { readSettings, watchSettings } from '../src/settings/settings-storage.ts';
import { watchPacks } from '../src/store/pack-storage.ts';
import { bindPackManager } from './bind-pack-manager.ts';
import { bindSettingsForm } from './bind-settings-form.ts';
import { showShortcut } from './show-shortcut.ts';

/** Entry: wiring only. Storage is the one source of truth; the page redraws when it changes. */
function translatePage(): void {
  document.documentElement.lang = translate('@@ui_locale').replace('_', '-');
  document.title = translate('optionsTitle');
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = translate(element.dataset.i18n ?? '');
}

translatePage();
const welcome = document.getElementById('welcome');
if (welcome) welcome.hidden = new URLSearchParams(location.search).get('welcome') !== '1';
const form = bindSettingsForm();
const packs = bindPackManager();
const lifetime = new AbortController();
watchSettings(form.show, lifetime.signal);
watchPacks(() => void packs.show(), lifetime.signal);
void readSettings().then(form.show);
void packs.show();
void showShortcut();
void Promise.all([readSettings(), packs.show()]).then(() => {
  document.body.dataset.ready = 'true';
});
