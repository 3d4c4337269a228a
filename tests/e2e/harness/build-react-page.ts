import { resolve } from 'node:path';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { NewsApp } from '../../fixtures/react/news-app.ts';

/** Server-renders the fixture React app and bundles its hydration script, the way a Next.js page ships. */
export async function buildReactPage(): Promise<{ html: string; script: string }> {
  const markup = renderToString(createElement(NewsApp));
  const bundle = await build({
    entryPoints: [resolve('tests/fixtures/react/hydrate-news-app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React news</title></head><body><div id="root">${markup}</div><script src="/react-app.js" defer></script></body></html>`;
  return { html, script };
}
