import { parsePageEntities } from '../src/messaging/messages.ts';
import { browser } from '../src/platform/browser.ts';

/** Lists the entities found on the current tab. */
async function main(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  let answer: unknown;
  try {
    if (tab?.id !== undefined)
      answer = await browser.tabs.sendMessage(tab.id, { type: 'cc:list-page-entities' }, { frameId: 0 });
  } catch {
    answer = undefined;
  }
  const page = parsePageEntities(answer);
  const list = document.createElement('ul');
  for (const entity of page?.entities ?? []) {
    const item = document.createElement('li');
    item.textContent = `${entity.name} (${entity.count})`;
    list.append(item);
  }
  app.replaceChildren(list);
}

void main();
