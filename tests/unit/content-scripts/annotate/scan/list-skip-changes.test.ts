// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { listSkipChanges } from '../../../../../content-scripts/annotate/scan/list-skip-changes.ts';
import { SKIP_ATTRIBUTES } from '../../../../../content-scripts/annotate/scan/should-skip-element.ts';

/** Loads `html`, runs `change` on it, and lists the skip changes of the attribute records it made. */
async function listChangesAfter(html: string, change: () => void) {
  document.body.innerHTML = html;
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: SKIP_ATTRIBUTES,
    attributeOldValue: true,
  });
  change();
  await new Promise((done) => setTimeout(done, 0));
  observer.disconnect();
  return listSkipChanges(records).map(({ element, skipped, key }) => ({
    element: element.id,
    skipped,
    key: (key as Element).id || (key as Element).localName,
  }));
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;
// Attributes are set and removed by name, and `hidden` has a value: happy-dom's `hidden` setter
// queues no mutation record, and it reports an empty old value as null.

describe('list-skip-changes', () => {
  describe('listSkipChanges', () => {
    it('lists a section the page reveals, to be scanned on its own', async () => {
      const changes = await listChangesAfter(
        '<main id="story" aria-hidden="true"><p>Kabul</p></main><section id="tab" hidden="until-found"><p>Moscow</p></section>',
        () => {
          byId('story').removeAttribute('aria-hidden');
          byId('tab').removeAttribute('hidden');
        },
      );
      expect(changes).toEqual([
        { element: 'story', skipped: false, key: 'story' },
        { element: 'tab', skipped: false, key: 'tab' },
      ]);
    });

    it('lists content the page hides or makes editable', async () => {
      const changes = await listChangesAfter(
        '<div id="note"><p>Kabul</p></div><p id="letter">Moscow</p>',
        () => {
          byId('note').setAttribute('aria-hidden', 'true');
          byId('letter').contentEditable = 'true';
        },
      );
      expect(changes).toEqual([
        { element: 'note', skipped: true, key: 'note' },
        { element: 'letter', skipped: true, key: 'letter' },
      ]);
    });

    it('lists a slide a carousel shows and the one it hides, each to be scanned alone', async () => {
      const changes = await listChangesAfter(
        '<ul id="track"><li id="one">Kabul</li> <li id="two" aria-hidden="true">Moscow</li></ul>',
        () => {
          byId('one').setAttribute('aria-hidden', 'true');
          byId('two').setAttribute('aria-hidden', 'false');
        },
      );
      expect(changes).toEqual([
        { element: 'one', skipped: true, key: 'one' },
        { element: 'two', skipped: false, key: 'two' },
      ]);
    });

    it('lists nothing when the content ends up as shown or as hidden as it was', async () => {
      const changes = await listChangesAfter(
        `<div id="flipped">a</div><div id="quiet" aria-hidden="false">b</div><button id="tab" role="tab">c</button>
         <div id="still" hidden aria-hidden="true">d</div><svg id="icon" aria-hidden="true"></svg>
         <div id="fields" contenteditable="false">e</div><context-cards-host id="card"></context-cards-host>`,
        () => {
          byId('flipped').setAttribute('aria-hidden', 'true');
          byId('flipped').setAttribute('aria-hidden', 'false');
          byId('quiet').removeAttribute('aria-hidden');
          byId('tab').setAttribute('role', 'button');
          byId('still').removeAttribute('aria-hidden');
          (document.getElementById('icon') as Element).removeAttribute('aria-hidden');
          byId('fields').setAttribute('contenteditable', 'false');
          // Our own card host is never scanned, shown or not.
          byId('card').setAttribute('hidden', 'hidden');
        },
      );
      expect(changes).toEqual([]);
    });

    it('lists an element that two attributes hide at once', async () => {
      const changes = await listChangesAfter('<div id="slide">Kabul</div>', () => {
        byId('slide').setAttribute('hidden', '');
        byId('slide').setAttribute('aria-hidden', 'true');
      });
      expect(changes).toEqual([{ element: 'slide', skipped: true, key: 'slide' }]);
    });

    it('scans an inline element again with the block it is part of', async () => {
      const changes = await listChangesAfter(
        '<p id="line">In <span id="name" hidden="hidden">Kabul</span> today</p>',
        () => {
          byId('name').removeAttribute('hidden');
        },
      );
      expect(changes).toEqual([{ element: 'name', skipped: false, key: 'line' }]);
    });

    it('scans the parent again when the block sits between text it joins while hidden', async () => {
      // Hidden, the walk reads "Kabulov" across it; shown, "Kabul" stands alone.
      const changes = await listChangesAfter(
        '<div id="outer">Kabul<div id="gap" hidden="hidden">: a note</div>ov</div>',
        () => {
          byId('gap').removeAttribute('hidden');
        },
      );
      expect(changes).toEqual([{ element: 'gap', skipped: false, key: 'outer' }]);
    });
  });
});
