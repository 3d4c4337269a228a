import { translate } from '../src/platform/translate.ts';
import { loadBundledStore } from '../src/store/load-store.ts';
import { readStoredPacks, writePacks } from '../src/store/pack-storage.ts';
import { findSizeProblem, type StoreProblem } from '../src/store/validate-store.ts';
import { findNameListProblem } from './find-name-list-problem.ts';
import {
  findPackCollisions,
  type ListedPack,
  listStoredPacks,
  type PackCollision,
  planPackImport,
  planPackRemoval,
  selectGoodPacks,
} from './plan-pack-import.ts';

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
  const { id, name, owner, alias } = collision;
  if (alias) {
    return owner === undefined
      ? translate('optionsAliasClashBundled', [id, name, alias.text, alias.otherId])
      : translate('optionsAliasClashPack', [id, name, alias.text, alias.otherId, owner]);
  }
  return owner === undefined
    ? translate('optionsCollisionBundled', [id, name])
    : translate('optionsCollisionPack', [id, name, owner]);
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

function renderProblems(problems: readonly StoreProblem[], title: string): HTMLElement {
  return renderList(
    'problems',
    title,
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

/**
 * Saves the pack's store as a .json file through a blob URL: no downloads
 * permission needed. A damaged pack exports as stored, so it can be fixed.
 */
function exportPack(listed: ListedPack): void {
  const store = listed.ok ? listed.pack.store : isRecord(listed.item) ? listed.item.store : listed.item;
  const blob = new Blob([`${JSON.stringify(store, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  const slug = (listed.name ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  link.download = `${slug || 'pack'}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
    const plan = planPackImport(json, await readStoredPacks(), bundled, new Date());
    if (!plan.ok) {
      result.replaceChildren(
        renderProblems(plan.problems, translate('optionsPackRejected', String(plan.problems.length))),
      );
      return;
    }
    const tooMuch = findNameListProblem(plan.packs);
    if (tooMuch) {
      result.replaceChildren(renderProblems([tooMuch], translate('optionsPackRejected', '1')));
      return;
    }
    try {
      await writePacks(plan.packs);
    } catch (error) {
      result.replaceChildren(error instanceof Error ? error.message : String(error));
      return;
    }
    const done = document.createElement('p');
    done.className = 'imported';
    done.textContent = translate('optionsPackImportedOk', [plan.pack.store.meta.name, String(plan.kept)]);
    result.replaceChildren(done);
    if (plan.collisions.length) result.append(renderCollisions(plan.collisions));
    text.value = '';
  }

  byId('pack-import').addEventListener('click', () => void importText(text.value));
  const file = byId<HTMLInputElement>('pack-file');
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    // Checked before reading: text() would first load a file of any size into memory.
    const tooBig = findSizeProblem(chosen.size);
    if (tooBig) {
      result.replaceChildren(renderProblems([tooBig], translate('optionsPackRejected', '1')));
      file.value = '';
      return;
    }
    void chosen.text().then(importText, (error: unknown) => result.replaceChildren(String(error)));
    file.value = '';
  });

  /** The cells of a pack that passed its check: entries used, and links that lead nowhere now. */
  function renderGoodPack(
    listed: ListedPack & { ok: true },
    earlier: readonly ListedPack[],
    name: HTMLElement,
    count: HTMLElement,
  ): void {
    const skipped = findPackCollisions(
      bundled,
      selectGoodPacks(earlier).map((pack) => pack.store),
      listed.pack.store,
    );
    count.textContent = String(listed.pack.store.entities.length - skipped.length);
    if (skipped.length) {
      count.append(` (${translate('optionsPackSkipped', String(skipped.length))})`);
      count.title = skipped.map(describeCollision).join('\n');
    }
    if (listed.missingIds.length) {
      const note = document.createElement('p');
      note.className = 'note missing';
      note.textContent = translate('optionsPackMissingLinks', listed.missingIds.join(', '));
      name.append(note);
    }
  }

  async function show(): Promise<void> {
    const listed = listStoredPacks(await readStoredPacks(), bundled);
    byId('pack-empty').hidden = listed.length > 0;
    byId('pack-table').hidden = listed.length === 0;
    byId('pack-rows').replaceChildren(
      ...listed.map((entry, position) => {
        const row = document.createElement('tr');
        const name = document.createElement('td');
        name.className = 'name';
        // The name in a span of its own: a note may follow it in the cell.
        const title = document.createElement('span');
        title.textContent = entry.name ?? translate('optionsPackUnnamed');
        name.append(title);
        const count = document.createElement('td');
        count.className = 'count';
        const date = document.createElement('td');
        date.textContent = entry.importedAt === undefined ? '' : formatDate(entry.importedAt);
        if (entry.ok) {
          row.dataset.pack = entry.pack.importedAt;
          renderGoodPack(entry, listed.slice(0, position), name, count);
        } else {
          count.textContent = '—';
          name.append(
            renderProblems(entry.problems, translate('optionsPackDamaged', String(entry.problems.length))),
          );
        }
        const actions = document.createElement('td');
        actions.append(
          createButton(translate('optionsPackExport'), () => exportPack(entry)),
          createButton(translate('optionsPackRemove'), () => {
            // Removal starts from storage as it is now, and keeps every other item as stored.
            void readStoredPacks().then((raw) => writePacks(planPackRemoval(raw, entry)));
          }),
        );
        row.append(name, count, date, actions);
        return row;
      }),
    );
  }
  return { show };
}
