import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { writeAliasIndex, writePatternTable } from './scripts/write-alias-index.ts';

// The background imports the build's generated name list (see vite.config.ts); unit tests that
// load the background get the same files.
const store = resolve(import.meta.dirname, 'src/store/entities.json');
const cache = resolve(import.meta.dirname, 'node_modules/.cache/context-cards');
const alias = {
  'virtual:alias-index': writeAliasIndex(store, `${cache}/test-alias-index.json`),
  'virtual:pattern-table': writePatternTable(store, `${cache}/test-pattern-table.json`),
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          alias,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Browsers are heavy on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
