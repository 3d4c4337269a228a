import { translate } from '../src/platform/translate.ts';
import { loadBundledStore } from '../src/store/load-store.ts';
import { readStoredPacks, type StoredPack, writePacks } from '../src/store/pack-storage.ts';
import type { StoreProblem } from '../src/store/validate-store.ts';
import { findPackCollisions, type PackCollision, planPackImport, toStoredPacks } from './plan-pack-import.ts';

const bundled = loadBundledStore();

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`options/index.html lacks #${id}`);
  return element as T;
}

function createButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

function describeCollision(collision: PackCollision): string {
  return collision.owner === undefined
    ? translate('optionsCollisionBundled', [collision.id, collision.name])
    : translate('optionsCollisionPack', [collision.id, collision.name, collision.owner]);
}

/** A titled list of what went wrong with an import: `className` styles the box. */
function renderList(className: string, title: string, items: readonly (string | Node)[][]): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  const heading = document.createElement('p');
  heading.textContent = title;
  const list = document.createElement('ul');
  for (const parts of items) {
    const item = document.createElement('li');
    item.append(...parts);
    list.append(item);
  }
  box.append(heading, list);
  return box;
}

function renderProblems(problems: readonly StoreProblem[]): HTMLElement {
  return renderList(
    'problems',
    translate('optionsPackRejected', String(problems.length)),
    problems.map((problem) => {
      const path = document.createElement('code');
      path.textContent = problem.path;
      return [path, ` ${problem.message}`];
    }),
  );
}

function renderCollisions(collisions: readonly PackCollision[]): HTMLElement {
  return renderList(
    'collisions',
    translate('optionsCollisionsTitle', String(collisions.length)),
    collisions.map((collision) => [describeCollision(collision)]),
  );
}

/** Saves the pack as a .json file through a blob URL: no downloads permission needed. */
function exportPack(pack: StoredPack): void {
  const blob = new Blob([`${JSON.stringify(pack.store, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  const slug = pack.store.meta.name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  link.download = `${slug || 'pack'}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** Import (file or paste), the list of packs with export and remove. Storage is the only state. */
export function bindPackManager(): { show: () => Promise<void> } {
  const result = byId('pack-result');
  const text = byId<HTMLTextAreaElement>('pack-text');

  async function importText(json: string): Promise<void> {
    const existing = toStoredPacks(await readStoredPacks(), bundled);
    const plan = planPackImport(json, existing, bundled, new Date());
    if (!plan.ok) {
      result.replaceChildren(renderProblems(plan.problems));
      return;
    }
    try {
      await writePacks([...existing, plan.pack]);
    } catch (error) {
      result.replaceChildren(error instanceof Error ? error.message : String(error));
      return;
    }
    const done = document.createElement('p');
    done.className = 'imported';
    const kept = plan.pack.store.entities.length - plan.collisions.length;
    done.textContent = translate('optionsPackImportedOk', [plan.pack.store.meta.name, String(kept)]);
    result.replaceChildren(done);
    if (plan.collisions.length) result.append(renderCollisions(plan.collisions));
    text.value = '';
  }

  byId('pack-import').addEventListener('click', () => void importText(text.value));
  const file = byId<HTMLInputElement>('pack-file');
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    void chosen.text().then(importText, (error: unknown) => result.replaceChildren(String(error)));
    file.value = '';
  });

  async function show(): Promise<void> {
    const packs = toStoredPacks(await readStoredPacks(), bundled);
    byId('pack-empty').hidden = packs.length > 0;
    byId('pack-table').hidden = packs.length === 0;
    byId('pack-rows').replaceChildren(
      ...packs.map((pack, position) => {
        const skipped = findPackCollisions(
          bundled,
          packs.slice(0, position).map((earlier) => earlier.store),
          pack.store,
        );
        const row = document.createElement('tr');
        row.dataset.pack = pack.importedAt;
        const name = document.createElement('td');
        name.className = 'name';
        name.textContent = pack.store.meta.name;
        const count = document.createElement('td');
        count.className = 'count';
        count.textContent = String(pack.store.entities.length - skipped.length);
        if (skipped.length) {
          count.append(` (${translate('optionsPackSkipped', String(skipped.length))})`);
          count.title = skipped.map(describeCollision).join('\n');
        }
        const date = document.createElement('td');
        date.textContent = formatDate(pack.importedAt);
        const actions = document.createElement('td');
        actions.append(
          createButton(translate('optionsPackExport'), () => exportPack(pack)),
          createButton(translate('optionsPackRemove'), () => {
            void writePacks(packs.filter((other) => other.importedAt !== pack.importedAt));
          }),
        );
        row.append(name, count, date, actions);
        return row;
      }),
    );
  }
  return { show };
}
