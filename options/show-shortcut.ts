import { browser } from '../src/platform/browser.ts';
import { translate } from '../src/platform/translate.ts';

/** Firefox 137+ opens its shortcut manager for us; the type definitions predate it. */
interface CommandsWithSettings {
  openShortcutSettings?: () => Promise<void>;
}

/**
 * The current keys of the "next mention" command, and a way to change them.
 * Pages can't link to chrome://extensions/shortcuts, but tabs.create can open
 * it; Firefox has commands.openShortcutSettings, and the steps are spelled out
 * in case it is missing.
 */
export async function showShortcut(): Promise<void> {
  const text = document.getElementById('shortcut');
  const button = document.getElementById('change-shortcut');
  const help = document.getElementById('shortcut-help');
  if (!text || !button || !help) return;
  const isFirefox = location.protocol === 'moz-extension:';
  try {
    const commands = await browser.commands.getAll();
    const next = commands.find((command) => command.name === 'next-mention');
    const previous = commands.find((command) => command.name === 'previous-mention');
    text.textContent = translate('optionsShortcutKeys', [
      next?.shortcut || translate('optionsShortcutUnset'),
      previous?.shortcut || translate('optionsShortcutUnset'),
    ]);
  } catch {
    text.textContent = translate('optionsShortcutUnset');
  }
  help.textContent = translate(isFirefox ? 'optionsShortcutHelpFirefox' : 'optionsShortcutHelpChrome');
  const commands = browser.commands as unknown as CommandsWithSettings;
  button.addEventListener('click', () => {
    if (isFirefox) {
      if (commands.openShortcutSettings) void commands.openShortcutSettings().catch(() => undefined);
      return;
    }
    void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  });
  if (isFirefox && !commands.openShortcutSettings) button.hidden = true;
}
