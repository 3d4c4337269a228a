import type { Intervals } from './merge-intervals.ts';

/**
 * Script and style text at least this long is left out of the text scanned for candidates and
 * looked at first: pages carry megabytes of it, and JSON that names people. Shorter code stays
 * in: scanning it costs little and can only add candidates.
 */
export const LONG_CODE_CHARS = 256;

/** A root's text as the first look and the pruned pass read it (see readPageText). */
export interface PageText {
  /** The root's textContent with the text of long scripts and styles left out. */
  clean: string;
  /** The length of the root's textContent, long code included. */
  rawLength: number;
  /** Where the left-out texts lie in the root's textContent, in order. */
  excluded: Intervals;
  /** The scripts and styles whose text is left out. */
  excludedCode: Set<Element>;
  /** The root's line breaks, scripts and styles, and drawings, each in document order (one query). */
  breaks: Element[];
  code: Element[];
  drawings: Element[];
}

function listMarkup(root: Element): Pick<PageText, 'breaks' | 'code' | 'drawings'> {
  // One query for the three kinds, not three walks of the page.
  const found = root.querySelectorAll('script,style,br,svg');
  const breaks: Element[] = [];
  const code: Element[] = [];
  const drawings: Element[] = [];
  for (let index = 0; index < found.length; index++) {
    const element = found[index] as Element;
    const name = element.localName;
    if (name === 'br') breaks.push(element);
    else if (name === 'svg') drawings.push(element);
    else code.push(element);
  }
  return { breaks, code, drawings };
}

/**
 * Reads a root's text once, without its long scripts and styles. With none, that is one
 * `textContent` call. With some, the text between them is read by moving one `Range` from one to
 * the next, so the code's text is never copied: on saved news pages whose body holds up to 1 MB
 * of script and JSON, `textContent` and cutting the code out of it took 1-10 ms in Chromium, and
 * the ranges 0.1-1 ms, for the same text (all 132 corpus pages, page world, 7 Dec 2026).
 */
export function readPageText(root: Element): PageText {
  const markup = listMarkup(root);
  const excludedCode = new Set<Element>();
  const long: { element: Element; length: number }[] = [];
  let last: Element | undefined;
  for (const element of markup.code) {
    // A script or style the page put inside another one is read with it.
    if (last?.contains(element)) {
      excludedCode.add(element);
      continue;
    }
    const length = (element.textContent ?? '').length;
    if (length < LONG_CODE_CHARS) continue;
    long.push({ element, length });
    excludedCode.add(element);
    last = element;
  }
  if (long.length === 0) {
    const clean = root.textContent ?? '';
    return { clean, rawLength: clean.length, excluded: { starts: [], ends: [] }, excludedCode, ...markup };
  }
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let rawAt = 0;
  for (const { element, length } of long) {
    range.setEndBefore(element);
    const piece = range.toString();
    pieces.push(piece);
    rawAt += piece.length;
    starts.push(rawAt);
    rawAt += length;
    ends.push(rawAt);
    range.setStartAfter(element);
  }
  range.setEnd(root, root.childNodes.length);
  const tail = range.toString();
  pieces.push(tail);
  return {
    clean: pieces.join(''),
    rawLength: rawAt + tail.length,
    excluded: { starts, ends },
    excludedCode,
    ...markup,
  };
}

/**
 * The scripts, styles and drawings whose text the read holds (all but the long code left out):
 * the walk leaves their text out and joins what is around them, so a name may span one.
 */
export function listCodeJoints(read: PageText): Element[] {
  const joints: Element[] = [];
  for (const element of read.code)
    if (!read.excludedCode.has(element) && element.textContent) joints.push(element);
  for (const element of read.drawings) if (element.textContent) joints.push(element);
  return joints;
}

/**
 * The same reading of a root's text already read whole (`raw`, its textContent; a large page's
 * pieces joined): each long script's or style's text is found in it by `indexOf`, which only a
 * long string makes safe, as a short one could also stand earlier in the visible text.
 */
export function splitPageText(root: Element, raw: string): PageText {
  const markup = listMarkup(root);
  const excludedCode = new Set<Element>();
  const starts: number[] = [];
  const ends: number[] = [];
  const pieces: string[] = [];
  let cursor = 0;
  for (const element of markup.code) {
    const text = element.textContent ?? '';
    if (text.length < LONG_CODE_CHARS) continue;
    const at = raw.indexOf(text, cursor);
    if (at < 0) continue;
    excludedCode.add(element);
    pieces.push(raw.slice(cursor, at));
    starts.push(at);
    cursor = at + text.length;
    ends.push(cursor);
  }
  pieces.push(cursor === 0 ? raw : raw.slice(cursor));
  return {
    clean: pieces.length === 1 ? raw : pieces.join(''),
    rawLength: raw.length,
    excluded: { starts, ends },
    excludedCode,
    ...markup,
  };
}
