import { describe, expect, it } from 'vitest';
import {
  parseEntityAnswer,
  parseLookupAnswer,
  parseMessage,
  parsePageEntities,
} from '../../../src/messaging/messages.ts';

describe('messages', () => {
  describe('parseMessage', () => {
    it('accepts every message of the protocol', () => {
      for (const message of [
        { type: 'cc:get-entity', id: 'kabul' },
        { type: 'cc:mention-count', count: 3 },
        { type: 'cc:get-shortcut' },
        { type: 'cc:list-page-entities' },
        { type: 'cc:open-card', id: 'kabul' },
        { type: 'cc:step-mention', direction: 'next' },
        { type: 'cc:lookup-text', text: 'Kabul' },
      ])
        expect(parseMessage(message)).toEqual(message);
    });

    it.each([
      null,
      'cc:get-entity',
      { type: 'get-entity', id: 'x' },
      { type: 'cc:get-entity' },
      { type: 'cc:mention-count', count: -1 },
      { type: 'cc:mention-count', count: 1.5 },
      { type: 'cc:step-mention', direction: 'up' },
      { type: 'cc:lookup-text', text: 'x'.repeat(3_000) },
    ])('rejects %p', (raw) => {
      expect(parseMessage(raw)).toBeUndefined();
    });
  });

  describe('parsePageEntities', () => {
    it('keeps the site and drops a malformed one', () => {
      const entities = [{ id: 'kabul', name: 'Kabul', type: 'place', count: 2 }];
      expect(parsePageEntities({ active: true, entities, site: 'news.example' })).toEqual({
        active: true,
        entities,
        site: 'news.example',
      });
      expect(parsePageEntities({ active: true, entities, site: 7 })).toEqual({ active: true, entities });
    });

    it('rejects an unknown entity type', () => {
      expect(
        parsePageEntities({ active: true, entities: [{ id: 'a', name: 'A', type: 'alien', count: 1 }] }),
      ).toBe(undefined);
    });
  });

  describe('parseEntityAnswer', () => {
    it('gives the entity or undefined', () => {
      expect(parseEntityAnswer({ entity: { id: 'a', name: 'A' } })).toEqual({
        entity: { id: 'a', name: 'A' },
      });
      expect(parseEntityAnswer({ entity: null, language: null })).toBeUndefined();
      expect(parseEntityAnswer(undefined)).toBeUndefined();
    });

    it("keeps the text's language only when it is a language tag", () => {
      const entity = { id: 'a', name: 'A' };
      expect(parseEntityAnswer({ entity, language: 'en' })).toEqual({ entity, language: 'en' });
      expect(parseEntityAnswer({ entity, language: 'zh-Hant-TW' })).toEqual({
        entity,
        language: 'zh-Hant-TW',
      });
      for (const language of [null, 7, '', 'en US', '"><b>', 'x'.repeat(40)])
        expect(parseEntityAnswer({ entity, language }), String(language)).toEqual({ entity });
    });
  });

  describe('parseLookupAnswer', () => {
    it('is true only for { found: true }', () => {
      expect(parseLookupAnswer({ found: true })).toBe(true);
      expect(parseLookupAnswer({ found: 'yes' })).toBe(false);
      expect(parseLookupAnswer(undefined)).toBe(false);
    });
  });
});
