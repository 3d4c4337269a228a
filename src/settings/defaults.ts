import type { EntityType } from '../store/types.ts';

export const SETTINGS_SCHEMA_VERSION = 1;

/** Every user setting with its default. The Settings type is derived from this object. */
export const defaultSettings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  /** Off everywhere when false. */
  enabled: true,
  /** Hostnames where the user turned annotation off. */
  disabledSites: [] as string[],
  highlightStyle: 'underline' as 'underline' | 'tint' | 'none',
  markedTypes: {
    person: true,
    group: true,
    organization: true,
    place: true,
    event: true,
  } as Record<EntityType, boolean>,
  /** Mark only the first mention of each entity on a page. */
  firstMentionOnly: false,
  /** Time the pointer must rest on a mention before the card opens. */
  hoverDelayMs: 500,
  theme: 'auto' as 'auto' | 'light' | 'dark',
  showBadge: true,
};

export type Settings = typeof defaultSettings;
