import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  /** http://127.0.0.1:PORT — the main origin. */
  origin: string;
  /** http://localhost:PORT — the same server under another origin, for cross-origin frames. */
  otherOrigin: string;
  /** Registers a page generated in the test. */
  route(path: string, body: string, headers?: Record<string, string>): void;
  /**
   * Registers a page that arrives in two parts: the text before `<!--stall-->`, then, `stallMs`
   * later, the rest. The tab keeps loading in between, as on a slow connection.
   */
  routeSlowly(path: string, body: string, stallMs: number): void;
  close(): Promise<void>;
}

/** Whether `file` lies in the folder `base` (both absolute): a sibling whose name starts alike does not. */
function isInside(base: string, file: string): boolean {
  return file.startsWith(base.endsWith(sep) ? base : base + sep);
}

/**
 * Serves fixture pages on the loopback interface only. `/corpus/NAME` serves a
 * page from CORPUS_DIR with page scripts off (a CSP header), so runs are
 * deterministic and offline. `?csp=...` adds a Content-Security-Policy header.
 */
export async function serveFixtures(rootDir: string, corpusDirGiven?: string): Promise<FixtureServer> {
  // Absolute, so the checks below that a path stays inside them hold for relative folders too.
  const root = resolve(rootDir);
  const corpusDir = corpusDirGiven === undefined ? undefined : resolve(corpusDirGiven);
  const routes = new Map<string, { body: string; headers: Record<string, string>; stallMs?: number }>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const csp = url.searchParams.get('csp');
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = csp;
    if (url.pathname === '/favicon.ico') {
      // Browsers ask for it on every page; an empty answer keeps 404s out of the console checks.
      response.writeHead(204);
      response.end();
      return;
    }
    const routed = routes.get(url.pathname);
    if (routed) {
      response.writeHead(200, { 'content-type': TYPES['.html'] as string, ...headers, ...routed.headers });
      if (routed.stallMs === undefined) {
        response.end(routed.body);
        return;
      }
      const [first, rest = ''] = routed.body.split('<!--stall-->');
      // Enough bytes for the browser to start parsing and painting the first part.
      response.write(`${first}<!--${' '.repeat(2048)}-->`);
      setTimeout(() => response.end(rest), routed.stallMs);
      return;
    }
    let file: string;
    if (url.pathname.startsWith('/corpus/') && corpusDir) {
      file = join(corpusDir, normalize(decodeURIComponent(url.pathname.slice('/corpus/'.length))));
      if (!isInside(corpusDir, file)) file = '';
      headers['content-security-policy'] = "script-src 'none'";
    } else {
      file = join(root, normalize(decodeURIComponent(url.pathname)));
      if (!isInside(root, file)) file = '';
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...headers,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    route(path, body, extraHeaders = {}) {
      routes.set(path, { body, headers: extraHeaders });
    },
    routeSlowly(path, body, stallMs) {
      routes.set(path, { body, headers: {}, stallMs });
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
