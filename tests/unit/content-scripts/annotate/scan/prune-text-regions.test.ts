// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotator } from '../../../../../content-scripts/annotate/scan/create-annotator.ts';
import { READ_LIMITS } from '../../../../../content-scripts/annotate/scan/prune-text-regions.ts';
import {
  compileMatcher,
  type MatchableEntity,
  type Matcher,
} from '../../../../../src/matcher/compile-matcher.ts';
import store from '../../../../../src/store/entities.json' with { type: 'json' };

/**
 * happy-dom's Range.toString reads the whole document on every call (about 4 s for a range over
 * half of these pages; browsers do it natively in well under a millisecond). The pruned pass
 * reads the text between long scripts (readPageText) and measures runs of children
 * (findSparseRegions) with ranges, so here a range's text is read in one walk from its start to
 * its end, as the DOM standard defines it: the text nodes in it, the boundary ones cut. The e2e
 * tests run the browsers' own Range.
 */
const happyDomToString = Range.prototype.toString;
function isTextNode(node: Node): node is CharacterData {
  return node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE;
}
/** The next node in document order after `node` and everything inside it. */
function followingNode(node: Node): Node | null {
  for (let at: Node | null = node; at; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}
/** The first node in document order at or after a boundary point in an element or text. */
function nodeAtBoundary(container: Node, offset: number): Node | null {
  if (container.nodeType === Node.ELEMENT_NODE || container.nodeType === Node.DOCUMENT_NODE)
    return container.childNodes[offset] ?? followingNode(container);
  return followingNode(container);
}
function readRangeText(range: Range): string {
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer && isTextNode(startContainer))
    return startContainer.data.slice(startOffset, endOffset);
  let text = isTextNode(startContainer) ? startContainer.data.slice(startOffset) : '';
  const end = isTextNode(endContainer) ? endContainer : nodeAtBoundary(endContainer, endOffset);
  for (let at = nodeAtBoundary(startContainer, startOffset); at && at !== end; ) {
    if (isTextNode(at)) text += at.data;
    at = at.firstChild ?? followingNode(at);
  }
  if (isTextNode(endContainer)) text += endContainer.data.slice(0, endOffset);
  return text;
}
beforeAll(() => {
  Range.prototype.toString = function (this: Range): string {
    return readRangeText(this);
  };
});
afterAll(() => {
  Range.prototype.toString = happyDomToString;
});

const bundled = compileMatcher(store.entities as MatchableEntity[]);
/** A name of three words, none of them a name or context word alone. */
const harbour = compileMatcher([
  {
    id: 'harbour',
    type: 'organization',
    aliases: [{ text: 'Meridian Harbour Council', strength: 'strong' }],
  },
]);

/** Clean filler: no alias or context word of the bundled store in any of it. */
const FILLER_WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.split(
  ' ',
);
function writeFiller(chars: number, seed = 0): string {
  const words: string[] = [];
  let length = 0;
  for (let index = seed; length < chars; index++) {
    const word = FILLER_WORDS[index % FILLER_WORDS.length] as string;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}
/**
 * Enough clean text, in enough elements, for the page to be pruned (over 16k characters and 3,000
 * elements, see prune-text-regions.ts).
 */
const CLEAN_SECTIONS = Array.from(
  { length: 40 },
  (_, section) =>
    `<section>${Array.from({ length: 80 }, (_, p) => `<p>${writeFiller(24, section + p)}</p>`).join('')}</section>`,
).join('');

interface Run {
  /** Every mark, as text → entity at its place in the page. */
  marks: string[];
  /** Characters handed to the matcher's block scan. */
  scannedChars: number;
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

function describeNode(node: Node): string {
  const path: string[] = [];
  for (let at: Node | null = node; at && at !== document.body; at = at.parentNode) {
    const parent: Node | null = at.parentNode;
    path.push(String(parent ? [...parent.childNodes].indexOf(at as ChildNode) : 0));
  }
  return path.reverse().join('.');
}

/**
 * Runs an annotator to the end of its first pass (and any re-scans) over the current document.
 * `pruned: false` hands it the matcher without findCandidates: the full walk every page had.
 * `between` runs once, between two slices of the first pass.
 */
async function annotatePage(matcher: Matcher, pruned: boolean, between?: () => void): Promise<Run> {
  let scannedChars = 0;
  const counting: Matcher = {
    scanText(text) {
      scannedChars += text.length;
      return matcher.scanText(text);
    },
  };
  if (pruned) {
    counting.findCandidates = matcher.findCandidates?.bind(matcher);
    counting.canJoin = matcher.canJoin?.bind(matcher);
  }
  const marks = new Set<string>();
  const describe = (range: Range, entityId: string) =>
    `${range.toString()}→${entityId} at ${describeNode(range.startContainer)}:${range.startOffset}`;
  const queued: (() => void)[] = [];
  // A clock that jumps 5 ms on each look: every slice does a little and yields.
  let clock = 0;
  const annotator = createAnnotator({
    document,
    matcher: counting,
    typeOf: () => 'person',
    onAdd: (record) => marks.add(describe(record.range, record.entityId)),
    onRemove: (record) => marks.delete(describe(record.range, record.entityId)),
    onChange: () => undefined,
    isOwnNode: () => false,
    scheduler: {
      now: () => (clock += 5),
      budgetMs: 8,
      queue: (run) => {
        queued.push(run);
        return () => undefined;
      },
    },
  });
  stop = () => annotator.destroy();
  let slices = 0;
  for (let round = 0; round < 2_000 && !(annotator.complete && queued.length === 0); round++) {
    await new Promise((done) => setTimeout(done, 0));
    const run = queued.shift();
    if (run) {
      run();
      if (++slices === 2) between?.();
    }
  }
  expect(annotator.complete).toBe(true);
  const found = [...marks].sort();
  annotator.destroy();
  stop = undefined;
  return { marks: found, scannedChars };
}

async function compareWithFullWalk(html: string, matcher = bundled): Promise<Run> {
  document.body.innerHTML = html;
  const full = await annotatePage(matcher, false);
  document.body.innerHTML = html;
  const pruned = await annotatePage(matcher, true);
  expect(pruned.marks).toEqual(full.marks);
  return pruned;
}

const DEFAULT_READ_LIMITS = { ...READ_LIMITS };

describe('prune-text-regions', () => {
  // Every case twice: these pages (6,000-10,000 elements) are read at once by default; with the
  // limits lowered they take the path of a page past 60,000 elements, read in pieces.
  describe.each([
    ['read at once', DEFAULT_READ_LIMITS],
    ['read in pieces', { atOnceElements: 2_000, stepElements: 512 }],
  ])('createPrunedWalker, %s', (_mode, limits) => {
    beforeEach(() => {
      Object.assign(READ_LIMITS, limits);
    });
    afterEach(() => {
      Object.assign(READ_LIMITS, DEFAULT_READ_LIMITS);
    });

    it('marks what the full walk marks, scanning only the paragraphs that name someone', async () => {
      const page = `${CLEAN_SECTIONS}<article><div><p>Sergey Lavrov met <b>Zamir</b> Kabulov in Moscow.</p></div></article>${CLEAN_SECTIONS}`;
      const run = await compareWithFullWalk(page);
      expect(run.marks.map((mark) => mark.split(' at ')[0])).toEqual([
        'Moscow→moscow',
        'Sergey Lavrov→sergey-lavrov',
        'Zamir Kabulov→zamir-kabulov',
      ]);
      expect(run.scannedChars).toBeLessThan(2_000);
    });

    it('does not walk to weak names nothing on the page confirms, nor to context words no weak name needs', async () => {
      // "Delawar" is a weak name (confirmed by "Mawlawi", among others); "plenary session" confirms
      // the weak "Valdai". A sports page: the first in every "Delaware", the second in a report.
      const report = (index: number) =>
        `<p>The Delaware Blue Coats won game ${index}; the plenary session of the league met.</p>`;
      const reports = `<section>${Array.from({ length: 30 }, (_, index) => report(index)).join('')}</section>`;
      const page = `${CLEAN_SECTIONS}${reports}<div><p>Talks in Moscow.</p></div>${CLEAN_SECTIONS}`;
      const run = await compareWithFullWalk(page);
      expect(run.marks.map((mark) => mark.split(' at ')[0])).toEqual(['Moscow→moscow']);
      expect(run.scannedChars).toBeLessThan(200);
      // With a confirmation on the page, the weak names are walked to and marked.
      const confirmed = await compareWithFullWalk(
        `${CLEAN_SECTIONS}${reports.replaceAll('Delaware', 'Delawar')}<p>Mawlawi spoke.</p>${CLEAN_SECTIONS}`,
      );
      expect(confirmed.marks.filter((mark) => mark.startsWith('Delawar→'))).toHaveLength(30);
    });

    it.each([
      ['a confirmation of weak names it passed over', ' Mawlawi Delawar spoke.', 31],
      ['a weak name whose confirmations it passed over', ' Then Valdai.', 1],
    ])('walks the page whole when the page adds %s during the first pass', async (_what, added, count) => {
      const notes = Array.from(
        { length: 30 },
        (_, index) => `<p>Sheikh Delawar, note ${index}: the plenary session met.</p>`,
      ).join('');
      const page = `<p id="top">${writeFiller(300)}</p>${CLEAN_SECTIONS}<section>${notes}</section>${CLEAN_SECTIONS}`;
      document.body.innerHTML = page;
      const pruned = await annotatePage(bundled, true, () =>
        ((document.getElementById('top') as HTMLElement).firstChild as Text).appendData(added),
      );
      const changed = document.body.innerHTML;
      document.body.innerHTML = changed;
      const full = await annotatePage(bundled, false);
      expect(pruned.marks).toEqual(full.marks);
      const weakName = added.includes('Valdai') ? 'Valdai' : 'Delawar';
      expect(full.marks.filter((mark) => mark.split('→')[0]?.includes(weakName))).toHaveLength(count);
    });

    it('marks what the full walk marks in text at every level of nested wrappers', async () => {
      // Three times CLEAN_SECTIONS (9,700 elements), with text sitting directly in each wrapper:
      // read in pieces, each of these is split into its children.
      const page = `<div id="outer">Talks in Kabul. <div><main>${CLEAN_SECTIONS}Sergey Lavrov spoke.
        <article>${CLEAN_SECTIONS}</article> Then Moscow replied.</main></div>${CLEAN_SECTIONS} Tajikistan.</div>`;
      const run = await compareWithFullWalk(page);
      expect(run.marks.map((mark) => mark.split(' at ')[0])).toEqual([
        'Kabul→kabul',
        'Moscow→moscow',
        'Sergey Lavrov→sergey-lavrov',
        'Tajikistan→tajikistan',
      ]);
    });

    it('finds a name split by a line break or by a script', async () => {
      const longScript = `<script>var data = ${JSON.stringify(writeFiller(400))};</script>`;
      const page = `${CLEAN_SECTIONS}<div><p id="a">Meridian<br>Harbour Council</p></div>
        <div><p id="b">Meridian<br>
          Harbour<br>Council</p></div>
        <div><p id="c">Meridian Har${longScript}bour Council</p></div>
        <div><p id="d">Meridian Harbour<script>x()</script> Council</p></div>${CLEAN_SECTIONS}`;
      const run = await compareWithFullWalk(page, harbour);
      expect(run.marks).toHaveLength(4);
    });

    it('keeps a block apart from the text around a clean block inside it, as the full walk does', async () => {
      const page = `${CLEAN_SECTIONS}<div id="box">Meridian <div>${writeFiller(3_000)}</div> Harbour Council
        and the Meridian Harbour Council</div>${CLEAN_SECTIONS}`;
      const run = await compareWithFullWalk(page, harbour);
      expect(run.marks).toHaveLength(1);
    });

    it('marks names in a component inside a part of the page it passes over', async () => {
      const html = `${CLEAN_SECTIONS}<div><news-teaser id="teaser"></news-teaser></div><p>${writeFiller(500)}</p>`;
      document.body.innerHTML = html;
      const teaser = document.getElementById('teaser') as HTMLElement;
      (teaser.attachShadow({ mode: 'open' }) as ShadowRoot).innerHTML = '<p>Sergey Lavrov spoke.</p>';
      const run = await annotatePage(bundled, true);
      expect(run.marks.map((mark) => mark.split(' at ')[0])).toEqual(['Sergey Lavrov→sergey-lavrov']);
    });

    it('marks names in a component the page adds, in a part it passes over, after a look that found none', async () => {
      document.body.innerHTML = `${CLEAN_SECTIONS}<div id="slot"></div><p>${writeFiller(500)}</p><p>Kabul.</p>`;
      const run = await annotatePage(bundled, true, () => {
        const teaser = document.createElement('news-teaser');
        teaser.attachShadow({ mode: 'open' }).innerHTML = '<p>Sergey Lavrov spoke.</p>';
        document.getElementById('slot')?.append(teaser);
      });
      expect(run.marks.map((mark) => mark.split(' at ')[0])).toEqual([
        'Kabul→kabul',
        'Sergey Lavrov→sergey-lavrov',
      ]);
    });

    it('ends with the marks of a full walk when the page changes in the middle of the first pass', async () => {
      const page = `<p id="top">${writeFiller(300)}</p>${CLEAN_SECTIONS}<div><p>Talks in Moscow went on.</p></div>${CLEAN_SECTIONS}<div><p>Kabul was quiet.</p></div>`;
      document.body.innerHTML = page;
      const pruned = await annotatePage(bundled, true, () => {
        const top = document.getElementById('top') as HTMLElement;
        top.insertAdjacentHTML('afterbegin', `<b>${writeFiller(700)}</b> `);
        top.insertAdjacentHTML('afterend', '<p>Then Tajikistan.</p>');
      });
      const changed = document.body.innerHTML;
      document.body.innerHTML = changed;
      const full = await annotatePage(bundled, false);
      expect(pruned.marks).toEqual(full.marks);
      expect(full.marks.map((mark) => mark.split('→')[0])).toEqual(['Kabul', 'Moscow', 'Tajikistan']);
    });

    // The text grows before the candidates of a later paragraph, so their positions, taken from
    // the text read before the change, no longer match the page's: the descent must still find the
    // paragraph that names Kabul (new names reach the observer, which re-scans their blocks).
    it.each<[string, (section: HTMLElement) => void]>([
      [
        "a paragraph's text grows",
        (section) =>
          ((section.querySelector('p') as HTMLElement).firstChild as Text).appendData(
            ` ${writeFiller(900)} Moscow`,
          ),
      ],
      [
        'an element is added to a paragraph',
        (section) =>
          (section.querySelector('p') as HTMLElement).insertAdjacentHTML(
            'beforeend',
            `<b> ${writeFiller(900)}</b>`,
          ),
      ],
      [
        'text directly in the section grows',
        (section) => (section.firstChild as Text).appendData(writeFiller(900)),
      ],
      [
        'two paragraphs change',
        (section) => {
          const first = section.querySelector('p') as HTMLElement;
          (first.firstChild as Text).appendData(` ${writeFiller(900)} Moscow`);
          first.nextElementSibling?.insertAdjacentHTML('beforeend', '<b> Tajikistan</b>');
        },
      ],
    ])('ends with the marks of a full walk when %s mid-pass', async (_change, change) => {
      const paragraphs = Array.from({ length: 40 }, (_, p) => `<p>${writeFiller(60, p)}</p>`).join('');
      const page = `${CLEAN_SECTIONS}<section id="late">${writeFiller(50)}${paragraphs}<p>Kabul was quiet.</p><p>${writeFiller(1_200)}</p></section>${CLEAN_SECTIONS}`;
      document.body.innerHTML = page;
      const pruned = await annotatePage(bundled, true, () =>
        change(document.getElementById('late') as HTMLElement),
      );
      const changed = document.body.innerHTML;
      document.body.innerHTML = changed;
      const full = await annotatePage(bundled, false);
      expect(pruned.marks).toEqual(full.marks);
      expect(full.marks.map((mark) => mark.split('→')[0])).toContain('Kabul');
    });

    it('marks what the full walk marks on generated pages', async () => {
      const piece = fc.constantFrom(
        'Sergey Lavrov',
        'Lavrov',
        'Kabul',
        'Kabulov',
        'the Taliban',
        'THIS IS',
        'IS',
        'Moscow',
        'Russia',
        'Vladimir',
        'Putin',
        'Lav',
        'rov',
        'Delawar',
        'Mawlawi',
        'foreign minister',
        ' ',
        '\n',
        'lorem ipsum',
        'dolor',
      );
      const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
      const { node } = fc.letrec<{ node: string }>((tie) => ({
        node: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          text,
          fc.constant('<br>'),
          fc.constant('<script>x</script>'),
          fc.constant(`<script>${writeFiller(300)}</script>`),
          // Spaced: hidden text inside a word is a known gap of the pruned pass (prune-text-regions.ts).
          text.map((inside) => ` <span hidden>${inside}</span> `),
          text.map((inside) => `<div aria-hidden="true">${inside}</div>`),
          text.map((inside) => `<noscript>${inside}</noscript>`),
          fc.constant('<textarea>Kabul</textarea>'),
          fc.constant('<news-box></news-box>'),
          fc
            .tuple(
              fc.constantFrom('div', 'p', 'section', 'li', 'td', 'span', 'b', 'a', 'em'),
              fc.array(tie('node'), { maxLength: 4 }),
            )
            .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
        ),
      }));
      await fc.assert(
        fc.asyncProperty(fc.array(node, { minLength: 1, maxLength: 8 }), async (nodes) => {
          const page = `${CLEAN_SECTIONS}${nodes.join('')}<div>${nodes.join('</div><div>')}</div>${CLEAN_SECTIONS}`;
          await compareWithFullWalk(page);
        }),
        { numRuns: Number(process.env.PRUNE_RUNS ?? 20) },
      );
    }, 120_000);

    it('marks what the full walk marks when the page changes text anywhere between two slices', async () => {
      const piece = fc.constantFrom(
        'Sergey Lavrov',
        'Kabul',
        'Moscow',
        'Tajikistan',
        'Delawar',
        'foreign minister',
        'lorem ipsum',
        ' ',
        'Lav',
        'rov',
        writeFiller(400),
      );
      const paragraph = fc
        .array(piece, { minLength: 1, maxLength: 4 })
        .map((parts) => `<p>${parts.join('')}</p>`);
      const section = fc
        .array(paragraph, { minLength: 1, maxLength: 30 })
        .map((paragraphs) => `<section>${paragraphs.join('')}</section>`);
      // Long additions: a region whose text moved by less than its own size still holds its candidates.
      // A confirmation, or a weak name, that the page as first read did not have.
      const added = fc.constantFrom(
        writeFiller(3_000),
        'Moscow',
        ` ${writeFiller(1_500)} Kabul`,
        ' Mawlawi',
        ' Lavrov',
        ' Delawar',
      );
      const change = fc.record({
        at: fc.nat(),
        kind: fc.constantFrom('text', 'element', 'remove'),
        piece: added,
      });
      // A large clean footer last, as pages have: the sizes add up after a change above it.
      const footer = `<footer>${writeFiller(20_000)}</footer>`;
      await fc.assert(
        fc.asyncProperty(
          fc.array(section, { minLength: 1, maxLength: 6 }),
          fc.array(change, { minLength: 1, maxLength: 4 }),
          async (sections, changes) => {
            document.body.innerHTML = `${CLEAN_SECTIONS}<div>${sections.join('')}</div>${CLEAN_SECTIONS}${footer}`;
            const pruned = await annotatePage(bundled, true, () => {
              for (const { at, kind, piece: text } of changes) {
                const paragraphs = document.body.getElementsByTagName('p');
                const target = paragraphs[at % paragraphs.length] as HTMLElement;
                if (kind === 'remove') target.remove();
                else if (kind === 'element') target.insertAdjacentHTML('beforeend', `<b>${text}</b>`);
                else if (target.firstChild?.nodeType === Node.TEXT_NODE)
                  (target.firstChild as Text).appendData(text);
                else target.prepend(text);
              }
            });
            const full = await annotatePage(bundled, false);
            expect(pruned.marks).toEqual(full.marks);
          },
        ),
        { numRuns: Number(process.env.PRUNE_RUNS ?? 20) },
      );
    }, 120_000);
  });
});
