// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLargestElement } from '../../../../../content-scripts/annotate/scan/find-largest-element.ts';

/** A container whose element children hold `sizes[i]` elements each, as a chain or as a flat list. */
function buildRegion(sizes: readonly number[], flat: readonly boolean[]): HTMLElement {
  const region = document.createElement('div');
  sizes.forEach((size, index) => {
    const child = document.createElement('section');
    let at: Element = child;
    for (let made = 0; made < size; made++) {
      const inner = document.createElement('span');
      if (flat[index]) child.append(inner);
      else {
        at.append(inner);
        at = inner;
      }
    }
    region.append(document.createTextNode(' '), child);
  });
  return region;
}

function countEvery(region: Element): number[] {
  return [...region.children].map((child) => child.getElementsByTagName('*').length);
}

/** Counts the subtree walks findLargestElement asks of each child. */
function spyOnCounts(region: Element): Map<Element, number> {
  const calls = new Map<Element, number>();
  for (const child of region.children) {
    const own = child.getElementsByTagName.bind(child);
    calls.set(child, 0);
    child.getElementsByTagName = ((name: string) => {
      calls.set(child, (calls.get(child) ?? 0) + 1);
      return own(name);
    }) as typeof child.getElementsByTagName;
  }
  return calls;
}

describe('findLargestElement', () => {
  it('picks the child holding the most elements, as counting every child does, with or without the total', () => {
    const layout = fc
      .array(fc.tuple(fc.nat({ max: 30 }), fc.boolean()), { minLength: 1, maxLength: 16 })
      .filter((children) => children.length > 1);
    fc.assert(
      fc.property(layout, (children) => {
        const region = buildRegion(
          children.map(([size]) => size),
          children.map(([, flat]) => flat),
        );
        const counts = countEvery(region);
        const most = Math.max(...counts);
        const expected = region.children[counts.indexOf(most)];
        const nodes = [...region.childNodes];
        const total = region.getElementsByTagName('*').length;
        expect(findLargestElement(nodes, region.children.length).largest).toBe(expected);
        const withTotal = findLargestElement(nodes, region.children.length, total);
        expect(withTotal.largest).toBe(expected);
        expect([...region.children].map((child) => withTotal.counts?.get(child))).toEqual(counts);
      }),
      { numRuns: 150 },
    );
  });

  it('does not walk the likely largest child when the total is known: its count is what the others leave', () => {
    // A page's wrapper: a header and a footer of a few links, the story in between.
    const region = buildRegion([3, 400, 2], [true, false, true]);
    const story = region.children[1] as Element;
    story.append(document.createElement('p'), document.createElement('p'));
    const calls = spyOnCounts(region);
    const total = region.getElementsByTagName('*').length;
    const found = findLargestElement([...region.childNodes], 3, total);
    expect(found.largest).toBe(story);
    expect(found.counts?.get(story)).toBe(402);
    expect(calls.get(story)).toBe(0);
    expect(calls.get(region.children[0] as Element)).toBe(1);
  });

  it('still answers with an element child when the page changed after the total was counted', () => {
    const region = buildRegion([5, 1, 2], [true, true, true]);
    const stale = region.getElementsByTagName('*').length;
    (region.children[2] as Element).append(...Array.from({ length: 20 }, () => document.createElement('i')));
    const found = findLargestElement([...region.childNodes], 3, stale);
    expect([...region.children]).toContain(found.largest);
    for (const count of found.counts?.values() ?? []) expect(count).toBeGreaterThanOrEqual(0);
  });

  it('takes the last element child of a long list, and the one child of a wrapper', () => {
    const list = buildRegion(new Array(20).fill(1), new Array(20).fill(true));
    expect(findLargestElement([...list.childNodes], 20).largest).toBe(list.lastElementChild);
    const wrapper = buildRegion([7], [false]);
    const found = findLargestElement([...wrapper.childNodes], 1, 8);
    expect(found.largest).toBe(wrapper.firstElementChild);
    expect(found.counts?.get(wrapper.firstElementChild as Element)).toBe(7);
  });
});
