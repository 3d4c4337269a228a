/**
 * npm run validate-store [-- FILE ...]
 *
 * Checks the bundled store (default) or custom packs and prints every problem as
 * `FILE: $.path — message`. A pack may relate to the bundled store's entities, but may not reuse
 * their ids (the extension would skip such an entity). Exit 0 when all files are valid, else 1.
 *
 * npm run validate-store -- --write-schema  regenerates schema/store.schema.json.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStoreJsonSchema } from '../src/store/build-store-json-schema.ts';
import type { StoreProblem } from '../src/store/validate-store.ts';
import { MAX_STORE_BYTES, parseStoreJson } from '../src/store/validate-store.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED_PATH = resolve(ROOT, 'src/store/entities.json');
const SCHEMA_PATH = resolve(ROOT, 'schema/store.schema.json');
// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const CWD = process.env.INIT_CWD ?? process.cwd();

const USAGE = `Usage: npm run validate-store [-- FILE ...]
Checks a Context Cards store or pack (default: src/store/entities.json).
       npm run validate-store -- --write-schema
Regenerates schema/store.schema.json from the validator.`;

class CliError extends Error {}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  return error instanceof Error ? error.message : String(error);
}

function readText(path: string, shownAs: string): string {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new CliError(`cannot read ${shownAs}: it is a directory, not a file`);
    // Refuse before reading: parseStoreJson would refuse anyway, after holding it all in memory.
    if (stats.size > MAX_STORE_BYTES) {
      const megabytes = (stats.size / (1024 * 1024)).toFixed(1);
      throw new CliError(`${shownAs} is ${megabytes} MB; a store or pack may be at most 5.0 MB`);
    }
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${shownAs}: ${describeFsError(error)}`);
  }
}

/** Ids in the bundled store, which a pack may point at but not reuse. */
function readBundledIds(): Set<string> | undefined {
  try {
    const result = parseStoreJson(readFileSync(BUNDLED_PATH, 'utf8'));
    return result.ok ? new Set(result.store.entities.map((entity) => entity.id)) : undefined;
  } catch {
    return undefined;
  }
}

function checkFile(shownAs: string): boolean {
  const path = resolve(CWD, shownAs);
  const text = readText(path, shownAs);
  const isBundled = path === BUNDLED_PATH;
  const bundledIds = isBundled ? undefined : readBundledIds();
  if (!isBundled && bundledIds === undefined) {
    console.log(`note: src/store/entities.json could not be read, so relations to it are not checked`);
  }
  const result = parseStoreJson(text, { knownIds: bundledIds ?? [] });
  const problems: StoreProblem[] = result.ok ? [] : result.problems;
  if (result.ok && bundledIds) {
    result.store.entities.forEach((entity, index) => {
      if (bundledIds.has(entity.id)) {
        problems.push({
          path: `$.entities[${index}].id`,
          message: `id "${entity.id}" is already used by the bundled store; the extension would skip this entity`,
        });
      }
    });
  }
  if (result.ok && problems.length === 0) {
    const count = result.store.entities.length;
    console.log(`OK: ${count} ${count === 1 ? 'entity' : 'entities'} in ${shownAs}`);
    return true;
  }
  for (const problem of problems) console.log(`${shownAs}: ${problem.path} — ${problem.message}`);
  console.log(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${shownAs}`);
  return false;
}

function writeSchema(): void {
  try {
    writeFileSync(SCHEMA_PATH, `${JSON.stringify(buildStoreJsonSchema(), null, 2)}\n`);
  } catch (error) {
    throw new CliError(`cannot write ${relative(CWD, SCHEMA_PATH)}: ${describeFsError(error)}`);
  }
  console.log(`Wrote ${relative(CWD, SCHEMA_PATH)}`);
}

function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.includes('--write-schema')) {
    writeSchema();
    return 0;
  }
  const unknownOption = args.find((arg) => arg.startsWith('-'));
  if (unknownOption) throw new CliError(`unknown option ${unknownOption}\n${USAGE}`);
  const files = args.length > 0 ? args : [relative(CWD, BUNDLED_PATH)];
  let allValid = true;
  for (const file of files) {
    if (!checkFile(file)) allValid = false;
  }
  return allValid ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A person reads this output: one line, never a stack trace.
  const message = error instanceof CliError ? error.message : `unexpected error: ${String(error)}`;
  console.error(`validate-store: ${message}`);
  process.exitCode = 1;
}
