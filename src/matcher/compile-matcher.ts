import { type Automaton, buildAutomaton } from './build-automaton.ts';
import { buildSeamTable, hasSeam } from './build-seam-table.ts';
import { compilePatterns, type PatternRecord, type PatternTable } from './compile-patterns.ts';
import { createNormalizeBuffer, foldAndScan, type MatchSink, type NormalizeBuffer } from './fold-and-scan.ts';
import { classifyCodeUnit, FOLDED_UNIT_TABLE, KIND_SINGLE, KIND_SPACE } from './fold-code-unit.ts';
import { isWordUnitAt } from './is-word-unit-at.ts';
import type { BlockScan, MatchableEntity, Matcher, Mention, OnCandidate } from './matcher-types.ts';
import { isIgnorableCodeUnit } from './normalize-text.ts';
import { type Candidate, selectMentions } from './select-mentions.ts';
import { hasAliasForm, verifyAliasMatch } from './verify-alias-match.ts';

/** Scratch kept between scans, in folded units (about 6 bytes each). */
const RETAINED_BUFFER_UNITS = 1 << 18;

export type { BlockScan, MatchableEntity, Matcher, Mention } from './matcher-types.ts';

/** The result of most blocks of most pages, shared: one object fewer per block. */
const NOTHING_FOUND: BlockScan = Object.freeze({
  mentions: Object.freeze([]) as unknown as Mention[],
  confirmedIds: Object.freeze([]) as unknown as string[],
});

/**
 * Compile the store's aliases, context words and exclusion phrases into one automaton.
 *
 * `scanText` works on one block: fold the text (keeping an offset map), run the automaton
 * once, keep whole-word hits, apply exclusions, verify case-sensitive aliases, pick
 * non-overlapping mentions. Weak aliases come back as candidates with `strength: 'weak'`:
 * whether they stay is a page-level decision. The content script collects `confirmedIds`
 * of every block of the page and then calls `resolveWeakMentions` (resolve-weak-mentions.ts)
 * on all mentions.
 *
 * Known limits, by design: whole words only, so Arabic-script names with an attached
 * prefix ("و" + "کابل", "بطالبان") are not found; exclusions act within one block.
 */
export function compileMatcher(
  entities: readonly MatchableEntity[],
  prebuilt?: PatternTable,
  prebuiltAutomaton?: Automaton,
): Matcher {
  // `prebuilt` is compilePatterns(entities) made elsewhere (serialize-pattern-table.ts), and
  // `prebuiltAutomaton` buildAutomaton(prebuilt.patterns) (serialize-automaton.ts).
  const table = prebuilt ?? compilePatterns(entities);
  const automaton = (prebuilt && prebuiltAutomaton) ?? buildAutomaton(table.patterns);
  return createMatcher(entities, table, automaton);
}

/**
 * The matcher of a pattern table and its automaton, both made beforehand: the content script's
 * way in, which carries none of the compiling code (the background compiles, see stored-matcher.ts).
 * `entities` are only read for their ids, in the table's entity order.
 */
export function createMatcher(
  entities: readonly Pick<MatchableEntity, 'id'>[],
  table: PatternTable,
  automaton: Automaton,
): Matcher {
  const { checkStart, checkEnd, requiredFirstUnit, recordsOf, records } = table;
  const patternLength = automaton.patternLength;
  let buffer = createNormalizeBuffer();
  // Per-scan scratch, reused: every pattern occurrence as (pattern, folded end) pairs (see
  // fold-and-scan.ts), then the whole-word hits as (pattern, start) pairs.
  const occurrences: number[] = [];
  const hitPattern: number[] = [];
  const hitStart: number[] = [];
  let text = '';

  /** Whether the page text lacks the first character a case-sensitive pattern needs at folded `start`. */
  const lacksFirstUnit = (pattern: number, start: number): boolean => {
    const firstUnit = requiredFirstUnit[pattern] as number;
    if (firstUnit < 0) return false;
    // Only an ASCII original can be rejected here; "Ｉ" (full width) goes on to the full check.
    const original = text.charCodeAt(buffer.toOriginal[start] as number);
    return original !== firstUnit && original < 0x80;
  };

  const collectHit = (pattern: number, end: number): void => {
    const start = end - (patternLength[pattern] as number);
    if (lacksFirstUnit(pattern, start)) return;
    if (checkStart[pattern] === 1 && isWordUnitAt(buffer.units, start - 1, end)) return;
    hitPattern.push(pattern);
    hitStart.push(start);
  };

  // Per-scan marks without per-scan allocation: an entry is set when it holds this scan's number.
  let scanNumber = 0;
  const confirmedMark = new Int32Array(entities.length);
  const cancelledMark = new Int32Array(records.length);
  const confirmed: number[] = [];
  const confirm = (entityIndex: number): void => {
    if (confirmedMark[entityIndex] === scanNumber) return;
    confirmedMark[entityIndex] = scanNumber;
    confirmed.push(entityIndex);
  };
  /** The original end of a folded end, pulled back over trailing invisible characters. */
  const mapEnd = (end: number, originalStart: number): number => {
    let originalEnd = buffer.toOriginal[end] as number;
    while (originalEnd > originalStart && isIgnorableCodeUnit(text.charCodeAt(originalEnd - 1)))
      originalEnd--;
    return originalEnd;
  };

  const scanBlock = (): BlockScan => {
    hitPattern.length = 0;
    hitStart.length = 0;
    occurrences.length = 0;
    const length = foldAndScan(text, buffer, automaton, occurrences);
    for (let at = 0; at < occurrences.length; at += 2)
      collectHit(occurrences[at] as number, occurrences[at + 1] as number);
    occurrences.length = 0;
    if (hitPattern.length === 0) return NOTHING_FOUND;

    scanNumber++;
    confirmed.length = 0;
    const localExclusions: { start: number; end: number; target: number }[] = [];
    const aliasHits: Candidate[] = [];
    for (let h = 0; h < hitPattern.length; h++) {
      const pattern = hitPattern[h] as number;
      const start = hitStart[h] as number;
      const end = start + (patternLength[pattern] as number);
      if (checkEnd[pattern] === 1 && isWordUnitAt(buffer.units, end, length)) continue;
      for (const index of recordsOf[pattern] as number[]) {
        const record = records[index] as PatternRecord;
        if (record.kind === 'context') confirm(record.entityIndex);
        else if (record.kind === 'alias') aliasHits.push({ start, end, record });
        else if (record.blockWide) cancelledMark[record.target] = scanNumber;
        else localExclusions.push({ start, end, target: record.target });
      }
    }

    const verified: Candidate[] = [];
    for (const hit of aliasHits) {
      const target = hit.record.order;
      if (cancelledMark[target] === scanNumber) continue;
      let excluded = false;
      for (const x of localExclusions)
        excluded ||= x.target === target && x.start <= hit.start && hit.end <= x.end;
      if (excluded) continue;
      const start = buffer.toOriginal[hit.start] as number;
      if (verifyAliasMatch(hit.record, text, start, mapEnd(hit.end, start))) verified.push(hit);
    }

    const mentions: Mention[] = [];
    for (const { start, end, record } of selectMentions(verified)) {
      const originalStart = buffer.toOriginal[start] as number;
      if (record.strength === 'strong') confirm(record.entityIndex);
      mentions.push({
        start: originalStart,
        end: mapEnd(end, originalStart),
        entityId: record.entityId,
        alias: record.aliasText,
        strength: record.strength,
      });
    }
    confirmed.sort((a, b) => a - b);
    return { mentions, confirmedIds: confirmed.map((i) => entities[i]?.id ?? '') };
  };

  // Folded (pattern, end) pairs of every occurrence, kept until the pass is over: the original
  // end of a hit is only known once the unit after it is folded.
  const anyPattern: number[] = [];
  const anyEnd: number[] = [];
  const collectAny = (pattern: number, end: number): void => {
    // As in collectHit: most "is" of "IS" go here, before any other work.
    if (lacksFirstUnit(pattern, end - (patternLength[pattern] as number))) return;
    anyPattern.push(pattern);
    anyEnd.push(end);
  };

  /**
   * Hands over each way a pattern occurrence could count in some block: a context word, or an
   * alias in its exact form (see Matcher.findCandidates).
   */
  const reportCandidate = (pattern: number, start: number, end: number, onCandidate: OnCandidate): void => {
    for (const index of recordsOf[pattern] as number[]) {
      const record = records[index] as PatternRecord;
      if (record.kind === 'context')
        onCandidate(start, end, 'context', entities[record.entityIndex]?.id ?? '');
      else if (record.kind === 'alias' && hasAliasForm(record, text, start, end))
        onCandidate(start, end, record.strength, record.entityId);
    }
  };

  // The seam table (build-seam-table.ts): shipped with the automaton, or built on the first
  // seam asked about (many pages have none) when it was not.
  let seamTable = automaton.seams;
  /**
   * The folded unit nearest the seam in `side` (its end, or its start), or -1 when that
   * character does not fold to one unit, or there is none; and whether whitespace came first.
   */
  const seamUnit = (side: string, fromEnd: boolean): { unit: number; spaced: boolean } => {
    let spaced = false;
    for (let step = 0; step < side.length; step++) {
      const unit = side.charCodeAt(fromEnd ? side.length - 1 - step : step);
      const kind = classifyCodeUnit(unit);
      if (kind === KIND_SPACE) {
        spaced = true;
        continue;
      }
      const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
      return {
        unit: kind === KIND_SINGLE && !isSurrogate ? (FOLDED_UNIT_TABLE[unit] as number) : -1,
        spaced,
      };
    }
    return { unit: -1, spaced };
  };

  const releaseBuffer = (): void => {
    // Do not keep megabytes of scratch alive after one huge block.
    if (buffer.units.length > RETAINED_BUFFER_UNITS) buffer = createNormalizeBuffer();
  };

  let seamsJudged = 0;

  return {
    scanText(blockText: string): BlockScan {
      text = blockText;
      const scan = scanBlock();
      releaseBuffer();
      return scan;
    },
    canJoin(before: string, after: string, spaced = false): boolean {
      // Seams are judged before the small scans around line breaks (see warmUpScan).
      if (++seamsJudged === WARM_UP_AFTER_SEAMS) {
        warmUpScan(automaton, table.patterns, buffer, occurrences);
        occurrences.length = 0;
      }
      if (seamTable === undefined) seamTable = buildSeamTable(automaton);
      if (seamTable === null) return true;
      const last = seamUnit(before, true);
      const first = seamUnit(after, false);
      if (last.unit < 0 || first.unit < 0) return true;
      const lastClass = automaton.classOf[last.unit] as number;
      const firstClass = automaton.classOf[first.unit] as number;
      // A unit in no pattern: no candidate holds it, on either side of anything.
      if (lastClass === 0 || firstClass === 0) return false;
      const isSpaced = spaced || last.spaced || first.spaced;
      return hasSeam(seamTable, automaton.stride, lastClass, firstClass, isSpaced);
    },
    findCandidates(pageText: string, onCandidate: OnCandidate): void {
      text = pageText;
      anyPattern.length = 0;
      anyEnd.length = 0;
      occurrences.length = 0;
      foldAndScan(text, buffer, automaton, occurrences);
      for (let at = 0; at < occurrences.length; at += 2)
        collectAny(occurrences[at] as number, occurrences[at + 1] as number);
      occurrences.length = 0;
      for (let h = 0; h < anyPattern.length; h++) {
        const pattern = anyPattern[h] as number;
        const end = anyEnd[h] as number;
        const start = buffer.toOriginal[end - (patternLength[pattern] as number)] as number;
        const originalEnd = mapEnd(end, start);
        reportCandidate(pattern, start, originalEnd, onCandidate);
      }
      anyPattern.length = 0;
      anyEnd.length = 0;
      releaseBuffer();
    },
  };
}

/**
 * The seam judged when the scanning loop is warmed up (warmUpScan): a page with fewer line breaks
 * than this makes too few small scans to get the loop optimized before its first page-sized one.
 */
const WARM_UP_AFTER_SEAMS = 64;

/** Text with no unit past ASCII, so the warm-up text below stays in the characters the build classified. */
const isAscii = (text: string): boolean => !/[^\0-\x7f]/.test(text);

/**
 * Runs the scanning loop (fold-and-scan.ts) once over a few words made of the matcher's own
 * patterns, so each of its branches has run before V8 optimizes it. On a page with many line
 * breaks, the first scans are of the little text around them (prune-text-regions.ts), which never
 * reaches a deep state, a pattern's end or a character outside ASCII: the loop was optimized
 * without those branches and thrown away on the first page-sized scan that met one ("insufficient
 * type feedback", traced in headless Chromium 156), and that scan's first 32 KB ran unoptimized.
 * Done at the WARM_UP_AFTER_SEAMS-th seam judged (canJoin): other pages' first scan is
 * page-sized and runs every branch itself. Measured here (headless Chromium 156, 15 loads with
 * and 15 without, in turn), the 38,000-element Wikipedia table with 823 line breaks took a median
 * of 67 ms of ours against 77 (58 against 65 warmed at the first seam); warmed for every matcher
 * instead, the 100 KB page without names (26 line breaks) took a median 4 ms more. The text is
 * run as a one-byte and as a two-byte string (page text comes as both), and holds only
 * characters classified at build time (fold-code-unit.ts): a soft hyphen, "ß" (two units), "é",
 * "’" and a zero-width space, so no Unicode regex is compiled for it. Uses the matcher's own
 * scratch (`buffer`, `sink`), as any scan does.
 */
function warmUpScan(
  automaton: Automaton,
  patterns: readonly string[],
  buffer: NormalizeBuffer,
  sink: MatchSink,
): void {
  let longest = '';
  let shortest: string | undefined;
  for (const pattern of patterns) {
    if (!isAscii(pattern)) continue;
    if (pattern.length > longest.length) longest = pattern;
    if (shortest === undefined || pattern.length < shortest.length) shortest = pattern;
  }
  if (shortest === undefined) return;
  const oneByte = `x ${longest}, ${shortest.toUpperCase()}  (${longest.slice(0, -1)})\n\t${shortest}. ca\u00adfé straße`;
  const twoByte = `${oneByte} \u2019${shortest}\u2019\u200b`;
  foldAndScan(oneByte, buffer, automaton, sink);
  foldAndScan(twoByte, buffer, automaton, sink);
}
