import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_SCHEMA_VERSION } from '../../../src/settings/defaults.ts';
import {
  isActiveOnSite,
  migrateSettings,
  sanitizeSettings,
  setSiteActive,
} from '../../../src/settings/sanitize-settings.ts';

describe('sanitize-settings', () => {
  describe('sanitizeSettings', () => {
    it.each([undefined, null, 42, 'garbage', [], [1, 2], true, () => 1])(
      'gives the defaults for %p',
      (raw) => {
        expect(sanitizeSettings(raw)).toEqual(defaultSettings);
      },
    );

    it('keeps valid values and replaces each invalid one by its default', () => {
      const settings = sanitizeSettings({
        schemaVersion: 1,
        enabled: 'yes',
        disabledSites: ['Example.COM ', 42, '', 'x'.repeat(300), 'news.example'],
        highlightStyle: 'blink',
        markedTypes: { person: false, place: 'no', alien: true },
        firstMentionOnly: true,
        hoverDelayMs: Number.NaN,
        theme: 'dark',
        showBadge: null,
        extra: { anything: 1 },
      });
      expect(settings).toEqual({
        ...defaultSettings,
        disabledSites: ['example.com', 'news.example'],
        markedTypes: { ...defaultSettings.markedTypes, person: false },
        firstMentionOnly: true,
        theme: 'dark',
      });
    });

    it('clamps the hover delay to 150–3000 ms', () => {
      expect(sanitizeSettings({ hoverDelayMs: 5 }).hoverDelayMs).toBe(150);
      expect(sanitizeSettings({ hoverDelayMs: 1e9 }).hoverDelayMs).toBe(3_000);
      expect(sanitizeSettings({ hoverDelayMs: 333.4 }).hoverDelayMs).toBe(333);
    });

    it('never throws and always returns the current schema version, whatever it is given', () => {
      fc.assert(
        fc.property(fc.anything(), (raw) => {
          const settings = sanitizeSettings(raw);
          expect(settings.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
          expect(Object.keys(settings).sort()).toEqual(Object.keys(defaultSettings).sort());
        }),
      );
    });
  });

  describe('migrateSettings', () => {
    it('moves version 0 blockedHosts to disabledSites', () => {
      const migrated = migrateSettings({ enabled: false, blockedHosts: ['a.example'] });
      expect(migrated).toEqual({ enabled: false, disabledSites: ['a.example'], schemaVersion: 1 });
      expect(sanitizeSettings({ blockedHosts: ['a.example'] }).disabledSites).toEqual(['a.example']);
    });

    it('prefers disabledSites when version 0 had both', () => {
      expect(migrateSettings({ blockedHosts: ['old'], disabledSites: ['new'] }).disabledSites).toEqual([
        'new',
      ]);
    });

    it('leaves current settings as they are', () => {
      const current = { ...defaultSettings, theme: 'light' };
      expect(migrateSettings(current)).toBe(current);
    });

    it('reads settings from a newer version by the fields it knows', () => {
      const settings = sanitizeSettings({ schemaVersion: 99, theme: 'dark', futureField: [1] });
      expect(settings).toEqual({ ...defaultSettings, theme: 'dark' });
    });
  });

  describe('setSiteActive', () => {
    it('adds and removes one hostname, lowercase, without duplicates', () => {
      const off = setSiteActive(defaultSettings, 'News.Example', false);
      expect(off.disabledSites).toEqual(['news.example']);
      expect(setSiteActive(off, 'news.example', false).disabledSites).toEqual(['news.example']);
      expect(isActiveOnSite(off, 'news.example')).toBe(false);
      expect(setSiteActive(off, 'news.example', true).disabledSites).toEqual([]);
    });

    it('ignores an empty hostname', () => {
      expect(setSiteActive(defaultSettings, '', false).disabledSites).toEqual([]);
    });
  });

  describe('isActiveOnSite', () => {
    it('is off everywhere when the global switch is off', () => {
      expect(isActiveOnSite({ ...defaultSettings, enabled: false }, 'example.com')).toBe(false);
      expect(isActiveOnSite(defaultSettings, 'example.com')).toBe(true);
    });
  });
});
