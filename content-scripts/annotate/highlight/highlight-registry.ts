import type { EntityType } from '../../../src/store/types.ts';

export type HighlightStyle = 'underline' | 'tint' | 'none';

/**
 * Our marks in the CSS Custom Highlight API: one Highlight per entity type,
 * registered under a name that also carries the chosen style, so the static
 * stylesheet (highlight.css) styles them without touching the page's DOM.
 * `cc-active` marks the mention whose card is open or that the keyboard
 * moved to.
 */
export interface HighlightRegistry {
  add(type: EntityType, range: Range): void;
  remove(type: EntityType, range: Range): void;
  setActive(range: Range | undefined): void;
  setStyle(style: HighlightStyle): void;
  /**
   * Shows the ranges added since the last call, and puts our highlights back if the page removed
   * or replaced them. add() only queues: every change of a Highlight costs the browser a repaint.
   */
  restore(): void;
  destroy(): void;
}

function readRegistry(): globalThis.HighlightRegistry | undefined {
  try {
    return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
  } catch {
    return undefined;
  }
}

export function createHighlightRegistry(initialStyle: HighlightStyle): HighlightRegistry {
  // Read on first use: the first read of CSS.highlights in a world costs a few milliseconds, and
  // a page without mentions never needs it.
  let registry: globalThis.HighlightRegistry | undefined | null = null;
  const byType = new Map<EntityType, Highlight>();
  let active: Highlight | undefined;
  let style = initialStyle;
  const pending = new Map<Range, EntityType>();

  const nameFor = (type: EntityType) => `cc-${style}-${type}`;

  function register(): void {
    // Nothing of ours to show yet (or any more): leave the page's registry alone.
    if (byType.size === 0 && !active) return;
    if (registry === null) registry = readRegistry();
    if (!registry) return;
    try {
      for (const [type, highlight] of byType) {
        if (registry.get(nameFor(type)) !== highlight) registry.set(nameFor(type), highlight);
      }
      if (active && registry.get('cc-active') !== active) registry.set('cc-active', active);
    } catch {
      // The page may have replaced the registry's methods; marks then fail quietly.
    }
  }

  function unregister(): void {
    if (!registry) return;
    try {
      for (const [type, highlight] of byType) {
        if (registry.get(nameFor(type)) === highlight) registry.delete(nameFor(type));
      }
      if (active && registry.get('cc-active') === active) registry.delete('cc-active');
    } catch {
      // See register().
    }
  }

  return {
    add(type, range) {
      pending.set(range, type);
    },
    remove(type, range) {
      if (!pending.delete(range)) byType.get(type)?.delete(range);
    },
    setActive(range) {
      if (!active) {
        if (!range) return;
        active = new Highlight();
        active.priority = 1;
      }
      active.clear();
      if (range) active.add(range);
      register();
    },
    setStyle(next) {
      if (next === style) return;
      unregister();
      style = next;
      register();
    },
    restore() {
      for (const [range, type] of pending) {
        let highlight = byType.get(type);
        if (!highlight) {
          highlight = new Highlight();
          byType.set(type, highlight);
        }
        highlight.add(range);
      }
      pending.clear();
      register();
    },
    destroy() {
      pending.clear();
      unregister();
      for (const highlight of byType.values()) highlight.clear();
      byType.clear();
      active?.clear();
    },
  };
}
