// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Annotator,
  createAnnotator,
} from '../../../../../content-scripts/annotate/scan/create-annotator.ts';
import type { Matcher, Mention } from '../../../../../src/matcher/compile-matcher.ts';

const NAMES = ['Kabul', 'Moscow', 'Tajikistan'];

/** Finds NAMES as whole words, and notes every text it was asked to scan. */
function createNameMatcher(scanned: string[]): Matcher {
  const pattern = new RegExp(`\\b(${NAMES.join('|')})\\b`, 'g');
  return {
    scanText(text) {
      scanned.push(text);
      const mentions: Mention[] = [...text.matchAll(pattern)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        entityId: match[0].toLowerCase(),
        alias: match[0],
        strength: 'strong',
      }));
      return { mentions, confirmedIds: mentions.map((mention) => mention.entityId) };
    },
  };
}

let annotator: Annotator | undefined;

/**
 * Starts an annotator on `html` with slices run by hand, and returns what it has marked and which
 * texts it scanned since the last look.
 */
function annotate(html: string, withMatcher: (matcher: Matcher) => Matcher = (matcher) => matcher) {
  document.body.innerHTML = html;
  const scanned: string[] = [];
  const queued: (() => void)[] = [];
  const marked = new Set<string>();
  const describeMark = (range: Range) =>
    `${range.toString()} in ${range.startContainer.parentElement?.closest('[id]')?.id ?? ''}`;
  annotator = createAnnotator({
    document,
    matcher: withMatcher(createNameMatcher(scanned)),
    typeOf: () => 'place',
    onAdd: (record) => marked.add(describeMark(record.range)),
    onRemove: (record) => marked.delete(describeMark(record.range)),
    onChange: () => undefined,
    isOwnNode: () => false,
    scheduler: {
      budgetMs: 1_000,
      queue: (run) => {
        queued.push(run);
        return () => undefined;
      },
    },
  });
  return {
    /** Lets the first slice, the observer and every queued slice run. */
    async settle(): Promise<void> {
      for (let round = 0; round < 5; round++) {
        await new Promise((done) => setTimeout(done, 0));
        while (queued.length) (queued.shift() as () => void)();
      }
    },
    marks: () => [...marked].sort(),
    /** The texts scanned since the last call. */
    takeScanned: () => scanned.splice(0).map((text) => text.trim()),
  };
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

afterEach(() => {
  annotator?.destroy();
  annotator = undefined;
});

// Attributes are set and removed by name, and `hidden` has a value: happy-dom's `hidden` setter
// queues no mutation record, and it reports an empty old value as null. Real browsers are
// covered by tests/e2e/revealed-content.test.ts.
describe('create-annotator', () => {
  describe('a page that names no one (matcher.mayHaveMention)', () => {
    const looks: string[] = [];
    const withLook = (matcher: Matcher): Matcher => ({
      ...matcher,
      mayHaveMention: (text) => {
        looks.push(text);
        return new RegExp(NAMES.join('|'), 'i').test(text);
      },
      mayHaveAlias: (text) => new RegExp(NAMES.join('|'), 'i').test(text),
    });
    const wakeUp = () => new Promise((done) => setTimeout(done, 300));

    it('is read once and not walked, then marked whole once a change brings a name', async () => {
      looks.length = 0;
      const page = annotate('<p id="a">Talks went on.</p><p id="b">More talks.</p>', withLook);
      await page.settle();
      expect(annotator?.complete).toBe(true);
      expect(page.takeScanned()).toEqual([]);
      expect(looks).toHaveLength(1);
      // A change without a name: read again (once), still nothing walked.
      byId('b').append(' And more.');
      await page.settle();
      await wakeUp();
      await page.settle();
      expect(page.takeScanned()).toEqual([]);
      expect(looks).toHaveLength(2);
      const added = document.createElement('p');
      added.id = 'c';
      added.textContent = 'Then Kabul.';
      document.body.append(added);
      byId('a').append(' In Moscow.');
      await page.settle();
      expect(page.marks()).toEqual([]);
      await wakeUp();
      await page.settle();
      expect(page.marks()).toEqual(['Kabul in c', 'Moscow in a']);
      // Woken, the whole page was walked as on a fresh load, not only the changed blocks.
      expect(page.takeScanned()).toContain('More talks. And more.');
    });

    it('is walked as before when it has custom elements, which may hold names in shadow trees', async () => {
      looks.length = 0;
      const page = annotate(
        '<p id="a">Talks went on.</p><news-card id="n">More talks.</news-card>',
        withLook,
      );
      await page.settle();
      expect(page.takeScanned()).not.toEqual([]);
    });
  });

  describe('createAnnotator', () => {
    it('marks the names of content the page reveals after load', async () => {
      const page = annotate(`
        <main id="story" aria-hidden="true"><p id="lead">Talks in Moscow.</p>
          <section id="tab" hidden="until-found"><p id="panel">Guards in Tajikistan.</p></section></main>`);
      await page.settle();
      expect(page.marks()).toEqual([]);
      byId('story').removeAttribute('aria-hidden');
      await page.settle();
      expect(page.marks()).toEqual(['Moscow in lead']);
      byId('tab').removeAttribute('hidden');
      await page.settle();
      expect(page.marks()).toEqual(['Moscow in lead', 'Tajikistan in panel']);
    });

    it('drops the marks of content the page hides or turns into an editor', async () => {
      const page = annotate(
        '<p id="lead">Talks in Moscow.</p><div id="note"><p id="inner">Kabul, again.</p></div>',
      );
      await page.settle();
      expect(page.marks()).toEqual(['Kabul in inner', 'Moscow in lead']);
      page.takeScanned();
      byId('lead').setAttribute('contenteditable', 'true');
      byId('note').setAttribute('aria-hidden', 'true');
      await page.settle();
      expect(page.marks()).toEqual([]);
      // Nothing is scanned to take marks away.
      expect(page.takeScanned()).toEqual([]);
    });

    it('scans only the slides a carousel flips, not the page around them', async () => {
      const page = annotate(`
        <p id="intro">Talks in Moscow.</p>
        <ul id="track"><li id="one">Slide about Kabul.</li><li id="two" aria-hidden="true">Slide about Tajikistan.</li></ul>
        <p id="outro">More from Moscow.</p>`);
      await page.settle();
      page.takeScanned();
      byId('one').setAttribute('aria-hidden', 'true');
      byId('two').setAttribute('aria-hidden', 'false');
      await page.settle();
      expect(page.marks()).toEqual(['Moscow in intro', 'Moscow in outro', 'Tajikistan in two']);
      expect(page.takeScanned()).toEqual(['Slide about Tajikistan.']);
    });

    it('scans nothing for attribute changes that leave the content as shown or as hidden as before', async () => {
      const page = annotate(`
        <p id="lead" aria-hidden="false">Talks in Moscow.</p><button id="tab" role="tab">Kabul</button>
        <div id="folded" hidden="hidden" aria-hidden="true"><p>Tajikistan</p></div>`);
      await page.settle();
      page.takeScanned();
      byId('lead').removeAttribute('aria-hidden');
      byId('tab').setAttribute('role', 'button');
      byId('folded').removeAttribute('aria-hidden');
      byId('lead').setAttribute('class', 'changed');
      await page.settle();
      expect(page.takeScanned()).toEqual([]);
      expect(page.marks()).toEqual(['Kabul in tab', 'Moscow in lead']);
    });

    it('drops the marks inside a component the page hides, and marks nothing added there until it is shown', async () => {
      const page = annotate('<div id="box"><news-teaser id="teaser"></news-teaser></div>');
      const shadow = byId('teaser').attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p id="inside">Kabul</p>';
      await page.settle();
      expect(page.marks()).toEqual(['Kabul in inside']);
      byId('box').setAttribute('aria-hidden', 'true');
      await page.settle();
      expect(page.marks()).toEqual([]);
      (shadow.getElementById('inside') as HTMLElement).append(' and Moscow');
      await page.settle();
      expect(page.marks()).toEqual([]);
      byId('box').removeAttribute('aria-hidden');
      await page.settle();
      expect(page.marks()).toEqual(['Kabul in inside', 'Moscow in inside']);
    });

    it('reads text on both sides of a block it reveals as the page shows it', async () => {
      // Hidden, the block joins "Kabul" and "ov" into the word "Kabulov"; shown, it splits them.
      const page = annotate('<div id="outer">Kabul<div id="gap" hidden="hidden">: a note</div>ov</div>');
      await page.settle();
      expect(page.marks()).toEqual([]);
      byId('gap').removeAttribute('hidden');
      await page.settle();
      expect(page.marks()).toEqual(['Kabul in outer']);
      byId('gap').setAttribute('hidden', 'hidden');
      await page.settle();
      expect(page.marks()).toEqual([]);
    });
  });
});
