import { translate } from '../src/platform/translate.ts';
import type { Settings } from '../src/settings/defaults.ts';
import { setSiteActive } from '../src/settings/sanitize-settings.ts';
import { readSettings, writeSettings } from '../src/settings/settings-storage.ts';
import { ENTITY_TYPES } from '../src/store/types.ts';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`options/index.html lacks #${id}`);
  return element as T;
}

/** Every control writes its own field only, so two open settings pages or the popup never undo each other. */
async function save(patch: Partial<Settings>): Promise<Settings> {
  const saved = await writeSettings(patch);
  byId('saved').textContent = translate('optionsSaved');
  return saved;
}

/** Builds the type checkboxes and wires every control to storage; `show` puts settings into the controls. */
export function bindSettingsForm(): { show: (settings: Settings) => void } {
  const typeBox = byId('marked-types');
  for (const type of ENTITY_TYPES) {
    const row = document.createElement('label');
    row.className = 'row';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `type-${type}`;
    input.dataset.type = type;
    const text = document.createElement('span');
    text.textContent = translate(`typePlural_${type}`);
    row.append(input, ' ', text);
    typeBox.append(row);
    input.addEventListener('change', () => {
      void readSettings().then((fresh) =>
        save({ markedTypes: { ...fresh.markedTypes, [type]: input.checked } }),
      );
    });
  }
  const enabled = byId<HTMLInputElement>('enabled');
  enabled.addEventListener('change', () => void save({ enabled: enabled.checked }));
  const badge = byId<HTMLInputElement>('show-badge');
  badge.addEventListener('change', () => void save({ showBadge: badge.checked }));
  const first = byId<HTMLInputElement>('first-mention-only');
  first.addEventListener('change', () => void save({ firstMentionOnly: first.checked }));
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="highlight-style"]')) {
    radio.addEventListener('change', () => {
      if (radio.checked) void save({ highlightStyle: radio.value as Settings['highlightStyle'] });
    });
  }
  const delay = byId<HTMLInputElement>('hover-delay');
  delay.addEventListener('change', () => {
    const typed = delay.value;
    if (typed === '') return;
    // What was stored is clamped to what the card accepts. `show` leaves the focused field
    // alone, and storage fires no change when the clamped value equals the old one, so the
    // field is set here: otherwise it would keep showing a value that was never saved.
    // Unless the user has typed on meanwhile.
    void save({ hoverDelayMs: Number(typed) }).then((saved) => {
      if (delay.value === typed) delay.value = String(saved.hoverDelayMs);
    });
  });
  const theme = byId<HTMLSelectElement>('theme');
  theme.addEventListener('change', () => void save({ theme: theme.value as Settings['theme'] }));

  function show(settings: Settings): void {
    enabled.checked = settings.enabled;
    badge.checked = settings.showBadge;
    first.checked = settings.firstMentionOnly;
    for (const type of ENTITY_TYPES)
      byId<HTMLInputElement>(`type-${type}`).checked = settings.markedTypes[type];
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="highlight-style"]'))
      radio.checked = radio.value === settings.highlightStyle;
    // A redraw from storage must not replace what the user is typing; the change handler
    // shows what it saved.
    if (document.activeElement !== delay) delay.value = String(settings.hoverDelayMs);
    theme.value = settings.theme;
    const sites = byId('disabled-sites');
    byId('disabled-sites-box').hidden = settings.disabledSites.length === 0;
    sites.replaceChildren(
      ...settings.disabledSites.map((site) => {
        const item = document.createElement('li');
        const name = document.createElement('span');
        name.textContent = `${site} `;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = translate('optionsTurnOnSite');
        button.addEventListener('click', () => {
          void readSettings().then((fresh) =>
            save({ disabledSites: setSiteActive(fresh, site, true).disabledSites }),
          );
        });
        item.append(name, button);
        return item;
      }),
    );
  }
  return { show };
}
