import type { PageEntity } from '../src/messaging/messages.ts';
import { translate } from '../src/platform/translate.ts';
import { ENTITY_TYPES } from '../src/store/types.ts';

/** The page's entities grouped by type (in the store's type order), each a button with its mention count. */
export function renderPageEntities(
  entities: readonly PageEntity[],
  onOpen: (id: string) => void,
): HTMLElement {
  const container = document.createElement('div');
  container.className = 'groups';
  for (const type of ENTITY_TYPES) {
    const group = entities.filter((entity) => entity.type === type);
    if (!group.length) continue;
    const section = document.createElement('section');
    section.className = 'group';
    section.dataset.type = type;
    const heading = document.createElement('h3');
    heading.textContent = `${translate(`typePlural_${type}`)} · ${group.length}`;
    const list = document.createElement('ul');
    for (const entity of group) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'entity';
      button.dataset.entity = entity.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = entity.name;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(entity.count);
      count.title = translate('popupMentionCount', String(entity.count));
      button.append(name, count);
      button.addEventListener('click', () => onOpen(entity.id));
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
    section.append(heading, list);
    container.append(section);
  }
  return container;
}
