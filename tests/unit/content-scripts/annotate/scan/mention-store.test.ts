// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  createMentionStore,
  type MentionRecord,
} from '../../../../../content-scripts/annotate/scan/mention-store.ts';

/** A paragraph with one name in it, registered as a mention of its block. */
function addParagraph(
  parent: Element,
  store: ReturnType<typeof createMentionStore>,
  id: string,
): MentionRecord {
  const paragraph = document.createElement('p');
  paragraph.textContent = 'Kabul';
  parent.append(paragraph);
  const text = paragraph.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 5);
  const record: MentionRecord = { range, entityId: id, type: 'place', key: paragraph, nodes: [text] };
  store.add(record);
  return record;
}

describe('mention-store', () => {
  describe('createMentionStore', () => {
    it('removes the mentions of the blocks under a node, and only those', () => {
      document.body.replaceChildren();
      const store = createMentionStore();
      const inside = document.createElement('section');
      const outside = document.createElement('section');
      document.body.append(inside, outside);
      const kept = Array.from({ length: 80 }, (_, index) => addParagraph(outside, store, `out-${index}`));
      const taken = Array.from({ length: 3 }, (_, index) => addParagraph(inside, store, `in-${index}`));
      expect(store.removeUnder(inside)).toEqual(taken);
      expect(store.size).toBe(kept.length);
      expect(store.all()).toEqual(kept);
    });

    it('does not walk a large region element by element when few of its blocks have mentions', () => {
      document.body.replaceChildren();
      const store = createMentionStore();
      // An app root of 5,000 elements, hidden at once (a modal's aria-hidden), with 3 named
      // paragraphs in it and 100 elsewhere on the page.
      const app = document.createElement('div');
      for (let index = 0; index < 5_000; index++) app.append(document.createElement('span'));
      const elsewhere = document.createElement('aside');
      document.body.append(app, elsewhere);
      for (let index = 0; index < 100; index++) addParagraph(elsewhere, store, `aside-${index}`);
      const inApp = Array.from({ length: 3 }, (_, index) => addParagraph(app, store, `app-${index}`));
      let steps = 0;
      const create = document.createTreeWalker.bind(document);
      const spy = vi.spyOn(document, 'createTreeWalker').mockImplementation((...args) => {
        const walker = create(...args);
        const next = walker.nextNode.bind(walker);
        walker.nextNode = () => {
          steps++;
          return next();
        };
        return walker;
      });
      expect(store.removeUnder(app)).toEqual(inApp);
      spy.mockRestore();
      expect(store.size).toBe(100);
      // At most as many steps as there are named blocks, not one per element of the region.
      expect(steps).toBeLessThanOrEqual(104);
    });
  });
});
