/**
 * Pages the bench generates (nothing here is saved in the repo): long text
 * pages with realistic markup, a page without any mention, and a live page
 * that keeps appending paragraphs. Text is our own, drawn from a seeded PRNG,
 * so every run sees the same bytes.
 */

import { createRandom } from '../../tests/fixtures/matcher/generate-page-text.ts';

const WORDS = (
  'the of and to in a that for on with as by at from was were has have said after before during ' +
  'government officials talks meeting border region security trade agreement report minister ' +
  'morning evening river valley market harvest winter summer railway bridge school hospital ' +
  'council village province capital delegation statement analysts experts observers economy ' +
  'prices wheat cotton water electricity roads schools teachers students farmers traders ' +
  'visited announced discussed warned promised expected reported confirmed denied described ' +
  'quietly sharply slowly recently officially publicly largely mostly nearly widely ' +
  'new old large small northern southern eastern western local national foreign regional'
).split(' ');

/** Names and places of the story, so the generated pages have mentions to find. */
const NAMES = [
  'Vladimir Putin',
  'Sergey Lavrov',
  'Zamir Kabulov',
  'the Taliban',
  'Kabul',
  'Afghanistan',
  'Moscow',
  'Tajikistan',
  'Uzbekistan',
  'Abdul Qahar Balkhi',
  'Amir Khan Muttaqi',
  'Central Asia',
  'the United Nations',
];

interface TextSource {
  sentence(words: number): string;
  inline(words: number): string;
}

function createTextSource(random: () => number, nameRate: number): TextSource {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const word = () => (random() < nameRate ? pick(NAMES) : pick(WORDS));
  function sentence(count: number): string {
    const parts: string[] = [];
    for (let index = 0; index < count; index++) parts.push(word());
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }
  /** A sentence with inline formatting: bold, italics, links, a span, an abbreviation. */
  function inline(count: number): string {
    const parts: string[] = [];
    for (let index = 0; index < count; index++) {
      const roll = random();
      const text = word();
      if (roll < 0.04) parts.push(`<b>${text}</b>`);
      else if (roll < 0.07) parts.push(`<em>${text}</em>`);
      else if (roll < 0.1) parts.push(`<a href="#n${index}">${text}</a>`);
      else if (roll < 0.12) parts.push(`<span class="x">${text}</span>`);
      else parts.push(text);
    }
    return `${parts.join(' ')}.`;
  }
  return { sentence, inline };
}

function wrapPage(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 sans-serif;max-width:60rem;margin:1rem auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 4px}</style>
${extraHead}</head><body>
${body}
</body></html>`;
}

/** One section of an article: heading, paragraphs, a nested list, a table, a quote, a figure caption. */
function generateSection(text: TextSource, random: () => number, index: number): string {
  const out: string[] = [`<section id="s${index}"><h2>${text.sentence(6)}</h2>`];
  const paragraphs = 3 + Math.floor(random() * 4);
  for (let p = 0; p < paragraphs; p++) {
    out.push(`<p>${text.inline(40 + Math.floor(random() * 60))} ${text.inline(20)}</p>`);
  }
  out.push('<ul>');
  for (let item = 0; item < 4; item++) {
    out.push(`<li>${text.inline(10)}<ul><li>${text.sentence(8)}</li><li>${text.inline(6)}</li></ul></li>`);
  }
  out.push('</ul>');
  out.push('<table><thead><tr><th>Date</th><th>Place</th><th>Note</th></tr></thead><tbody>');
  for (let row = 0; row < 6; row++) {
    out.push(
      `<tr><td>${2000 + row}-0${1 + (row % 9)}-1${row % 10}</td><td>${text.sentence(2)}</td><td>${text.inline(8)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  out.push(`<blockquote><p>${text.inline(25)}</p></blockquote>`);
  out.push(`<figure><figcaption>${text.sentence(12)}<br>${text.sentence(5)}</figcaption></figure></section>`);
  return out.join('\n');
}

/** A page whose visible text is about `textChars` characters long, with story names sprinkled in. */
export function generateTextPage(seed: number, textChars: number, nameRate = 0.004): string {
  const random = createRandom(seed);
  const text = createTextSource(random, nameRate);
  const sections: string[] = [];
  let size = 0;
  for (let index = 0; size < textChars * 1.45; index++) {
    const section = generateSection(text, random, index);
    sections.push(section);
    // Markup is about a third of each section; count roughly the text only.
    size += section.length;
  }
  return wrapPage(`Generated page, seed ${seed}`, `<article>${sections.join('\n')}</article>`);
}

/** About `textChars` of text in which no alias of the store can match. */
export function generateNoMentionPage(seed: number, textChars: number): string {
  return generateTextPage(seed, textChars, 0);
}

/**
 * A page that appends `count` paragraphs over `durationMs` once the bench calls
 * `window.__ccStartLive()`; it logs [time, characters added so far] per tick.
 */
export function generateLivePage(seed: number, count: number, durationMs: number): string {
  const random = createRandom(seed);
  const text = createTextSource(random, 0.01);
  const paragraphs: string[] = [];
  for (let index = 0; index < count; index++) paragraphs.push(`${text.inline(60)} ${text.inline(30)}`);
  const ticks = 100;
  const script = `<script>
const paragraphs = ${JSON.stringify(paragraphs)};
window.__ccLiveLog = [];
window.__ccStartLive = () => new Promise((done) => {
  const feed = document.getElementById('feed');
  const perTick = ${count / ticks};
  let next = 0;
  let chars = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < perTick && next < paragraphs.length; i++, next++) {
      const p = document.createElement('p');
      p.innerHTML = paragraphs[next];
      chars += p.textContent.length;
      feed.appendChild(p);
    }
    window.__ccLiveLog.push([performance.now(), chars]);
    if (next >= paragraphs.length) { clearInterval(timer); done(window.__ccLiveLog); }
  }, ${durationMs / ticks});
});
</script>`;
  return wrapPage('Live page', `<h1>Live feed</h1><p>${text.inline(30)}</p><div id="feed"></div>${script}`);
}

/**
 * A short page carrying `count` frames of 1 × 1 pixel, each with a sentence that names
 * someone: what tracking pixels and hidden ad frames look like to a content script that runs
 * in every frame.
 */
export function generateTinyFramesPage(seed: number, count: number): string {
  const random = createRandom(seed);
  const text = createTextSource(random, 0.2);
  const frames: string[] = [];
  for (let index = 0; index < count; index++) {
    const sentence = text.sentence(12).replaceAll('"', '&quot;');
    frames.push(`<iframe style="width:1px;height:1px;border:0" srcdoc="<p>${sentence}</p>"></iframe>`);
  }
  return wrapPage('Tiny frames', `<h1>Tiny frames</h1><p>${text.sentence(20)}</p>\n${frames.join('\n')}`);
}
