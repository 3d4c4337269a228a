import { translate } from '../src/platform/translate.ts';
import type { Settings } from '../src/settings/defaults.ts';
import { setSiteActive } from '../src/settings/sanitize-settings.ts';
import { readSettings, writeSettings } from '../src/settings/settings-storage.ts';

function createSwitch(
  id: string,
  label: string,
  checked: boolean,
  onChange: (on: boolean) => void,
): HTMLElement {
  const row = document.createElement('label');
  row.className = 'switch';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.setAttribute('role', 'switch');
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  const text = document.createElement('span');
  text.textContent = label;
  row.append(input, text);
  return row;
}

/**
 * The site switch (only when the page told us its hostname) and the global
 * switch. They write settings; content scripts watch storage and tear down or
 * start again at once, without a reload.
 */
export function renderSwitches(settings: Settings, site: string | undefined): HTMLElement {
  const box = document.createElement('div');
  box.className = 'switches';
  if (site) {
    box.append(
      createSwitch(
        'site-switch',
        translate('popupSiteSwitch', site),
        !settings.disabledSites.includes(site),
        (on) => {
          // Re-read first: only the site list changes, whatever else changed since the popup opened.
          void readSettings().then((fresh) =>
            writeSettings({ disabledSites: setSiteActive(fresh, site, on).disabledSites }),
          );
        },
      ),
    );
  }
  box.append(
    createSwitch('global-switch', translate('popupGlobalSwitch'), settings.enabled, (on) => {
      void writeSettings({ enabled: on });
    }),
  );
  return box;
}
