import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findManifestProblems } from '../unit/manifest/expected-manifest.ts';

/** Runs with the e2e project, after `npm run build`: it checks what is shipped, not the source. */
function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Browser APIs that reach the network or load code; none belongs in an offline extension. */
const NETWORK_APIS =
  /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bimportScripts\b|\bWebTransport\b|\bRTCPeerConnection\b/;

describe.each(['chrome', 'firefox'] as const)('built manifest for %s', (browser) => {
  const dist = resolve('dist', browser);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  describe('findManifestProblems', () => {
    it('finds none: exactly the expected permissions, no host or web-accessible access, no relaxed CSP', () => {
      expect(findManifestProblems(manifest, browser)).toEqual([]);
    });
  });

  describe('shipped code', () => {
    it('calls no network API and loads no remote script anywhere in the bundle', () => {
      const offenders: string[] = [];
      for (const file of listFiles(dist).filter((path) => /\.(js|html)$/.test(path))) {
        const text = readFileSync(file, 'utf8');
        const match = NETWORK_APIS.exec(text);
        if (match) offenders.push(`${file.slice(dist.length + 1)}: ${match[0]}`);
        if (/<script[^>]+src=["']?https?:/i.test(text)) offenders.push(`${file}: remote <script>`);
      }
      expect(offenders).toEqual([]);
    });
  });
});
