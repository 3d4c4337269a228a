import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const stored = new Map<string, unknown>();
  const local = {
    async get(key: string) {
      return stored.has(key) ? { [key]: stored.get(key) } : {};
    },
  };
  return { stored, browser: { storage: { local } } };
});

vi.mock('../../../src/platform/browser.ts', () => ({ browser: fake.browser }));

const { findEntity, findPackEntity } = await import('../../../background/find-entity.ts');

const pack = JSON.parse(readFileSync(resolve('tests/fixtures/stores/valid-pack.json'), 'utf8'));
const withLanguage = (language: unknown) => [
  { importedAt: '2026-11-28T00:00:00Z', store: { ...pack, meta: { ...pack.meta, language } } },
];

describe('findEntity (background)', () => {
  it('answers a bundled entity with the bundled store language, English', async () => {
    const found = await findEntity('sergey-lavrov');
    expect(found?.entity.name).toBe('Sergey Lavrov');
    expect(found?.language).toBe('en');
  });

  it("answers a pack entity with its pack's declared language, or none when the pack declares none", async () => {
    fake.stored.set('packs', withLanguage('ru'));
    expect(await findEntity('aigerim-sadykova')).toMatchObject({
      entity: { name: 'Aigerim Sadykova' },
      language: 'ru',
    });
    fake.stored.set('packs', [{ importedAt: '2026-11-28T00:00:00Z', store: pack }]);
    const found = await findEntity('aigerim-sadykova');
    expect(found?.entity.name).toBe('Aigerim Sadykova');
    expect(found).not.toHaveProperty('language');
  });

  it('drops a damaged language from storage and still answers the entity', () => {
    for (const damaged of ['not a language', 42, '', 'en_US<script>', null]) {
      const found = findPackEntity(withLanguage(damaged), 'aigerim-sadykova');
      expect(found?.entity.name, String(damaged)).toBe('Aigerim Sadykova');
      expect(found, String(damaged)).not.toHaveProperty('language');
    }
  });
});
