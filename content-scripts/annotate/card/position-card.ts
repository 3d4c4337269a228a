import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';

/**
 * Places the card next to the hovered line of a mention: below it, or above
 * when there is no room, shifted sideways to stay in the viewport. The
 * reference is the single line box under the pointer, so the card never
 * covers the line being read; its height is capped to the room available and
 * it scrolls inside itself.
 */
export async function positionCard(card: HTMLElement, lineRect: DOMRect): Promise<void> {
  const reference = { getBoundingClientRect: () => lineRect };
  const { x, y } = await computePosition(reference, card, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      offset(6),
      flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(120, Math.min(availableHeight, window.innerHeight * 0.7))}px`;
        },
      }),
    ],
  });
  card.style.left = `${Math.round(x)}px`;
  card.style.top = `${Math.round(y)}px`;
}

/** The client rect of the mention's line nearest to a point (the first line when no point is given). */
export function pickLineRect(range: Range, point?: { x: number; y: number }): DOMRect {
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  if (!rects.length) return range.getBoundingClientRect();
  if (!point) return rects[0] as DOMRect;
  let best = rects[0] as DOMRect;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const rect of rects) {
    const dy = point.y < rect.top ? rect.top - point.y : point.y > rect.bottom ? point.y - rect.bottom : 0;
    const dx = point.x < rect.left ? rect.left - point.x : point.x > rect.right ? point.x - rect.right : 0;
    const distance = dx + dy;
    if (distance < bestDistance) {
      best = rect;
      bestDistance = distance;
    }
  }
  return best;
}
