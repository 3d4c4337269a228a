import { ENTITY_TYPES } from '../store/types.ts';
import { defaultSettings, SETTINGS_SCHEMA_VERSION, type Settings } from './defaults.ts';

const HIGHLIGHT_STYLES = ['underline', 'tint', 'none'] as const;
const THEMES = ['auto', 'light', 'dark'] as const;
const MAX_SITES = 5_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickOneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function pickBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Turns whatever is in storage (older versions, garbage, another extension's
 * values) into valid settings. Every unknown, missing or corrupted value falls
 * back to its default; nothing throws.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? migrateSettings(raw) : {};
  const markedInput = isRecord(input.markedTypes) ? input.markedTypes : {};
  const markedTypes = { ...defaultSettings.markedTypes };
  for (const type of ENTITY_TYPES) markedTypes[type] = pickBoolean(markedInput[type], markedTypes[type]);
  // Hostnames compare lowercase, as location.hostname gives them.
  const sites = Array.isArray(input.disabledSites)
    ? input.disabledSites
        .filter(
          (site): site is string => typeof site === 'string' && site.trim().length > 0 && site.length < 256,
        )
        .map((site) => site.trim().toLowerCase())
    : [];
  const delay = input.hoverDelayMs;
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    enabled: pickBoolean(input.enabled, defaultSettings.enabled),
    disabledSites: [...new Set(sites)].slice(0, MAX_SITES),
    highlightStyle: pickOneOf(input.highlightStyle, HIGHLIGHT_STYLES, defaultSettings.highlightStyle),
    markedTypes,
    firstMentionOnly: pickBoolean(input.firstMentionOnly, defaultSettings.firstMentionOnly),
    hoverDelayMs:
      typeof delay === 'number' && Number.isFinite(delay)
        ? Math.min(3_000, Math.max(150, Math.round(delay)))
        : defaultSettings.hoverDelayMs,
    theme: pickOneOf(input.theme, THEMES, defaultSettings.theme),
    showBadge: pickBoolean(input.showBadge, defaultSettings.showBadge),
  };
}

/**
 * Upgrades settings written by older versions. Version 0 had no schemaVersion.
 * Settings from a newer version (synced from a machine that updated first) are
 * read as they are: sanitizeSettings keeps the fields it knows and drops the rest.
 */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  let current = raw;
  if (version < 1) {
    // Version 0 kept the site switch as `blockedHosts`.
    const { blockedHosts, ...rest } = current;
    current = { ...rest, disabledSites: rest.disabledSites ?? blockedHosts, schemaVersion: 1 };
  }
  return current;
}

/** True when annotation should run on this hostname. */
export function isActiveOnSite(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

/** The settings with annotation switched on or off for one hostname. */
export function setSiteActive(settings: Settings, hostname: string, active: boolean): Settings {
  const host = hostname.trim().toLowerCase();
  const others = settings.disabledSites.filter((site) => site !== host);
  return { ...settings, disabledSites: active || !host ? others : [...others, host] };
}
