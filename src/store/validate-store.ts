/**
 * Checks unknown JSON against the store format and says, in plain language and with a JSON path,
 * everything that is wrong. Used on custom packs before they are saved, and on the bundled store
 * in tests and CI (`npm run validate-store`). Never throws: a pack is untrusted input.
 */
import * as v from 'valibot';
import { describeValue, LIMITS, quote } from './find-field-problem.ts';
import { storeSchema } from './store-schema.ts';
import type { Store } from './types.ts';

export interface StoreProblem {
  /** JSON path of the offending value, e.g. `$.entities[3].facts[0].source.url`. */
  path: string;
  message: string;
}

export type ValidateStoreResult = { ok: true; store: Store } | { ok: false; problems: StoreProblem[] };

export interface ValidateStoreOptions {
  /**
   * Ids of entities that exist outside this input (the bundled store, when checking a pack):
   * relations may point at them.
   */
  knownIds?: Iterable<string>;
  /**
   * Accept relations to ids that no entity has. For packs already stored: a relation may point
   * into a pack the user has removed since, and cards simply leave that link out
   * (src/card/render-card.ts shows only related ids it can name).
   */
  allowMissingRelated?: boolean;
}

/** Past this many, more problems add noise, not help; the count of the rest is still given. */
const MAX_PROBLEMS = 500;
/** The largest store or pack `parseStoreJson` reads, in UTF-8 bytes. */
export const MAX_STORE_BYTES = 5 * 1024 * 1024;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;

export function formatPath(keys: readonly unknown[]): string {
  let path = '$';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && key.length <= 40 && IDENTIFIER.test(key)) path += `.${key}`;
    else path += `[${quote(String(key), 40)}]`;
  }
  return path;
}

/** Messages for issues no schema gave its own words to: wrong JSON types, mostly. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const received = describeValue(issue.input);
  switch (issue.type) {
    case 'string':
      return `must be text (a JSON string), not ${received}`;
    case 'array':
      return `must be a list (a JSON array), not ${received}`;
    case 'boolean':
      return `must be true or false, not ${received}`;
    default:
      return issue.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listRecords(value: unknown): [number, Record<string, unknown>][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [number, Record<string, unknown>][] =>
    isRecord(item) ? [[index, item]] : [],
  );
}

/**
 * What two strong aliases are compared by when no two entities may share one: as the matcher's
 * case-insensitive mode would see them (docs/pack-guide.md, "Match policy").
 */
export function makeAliasKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * Rules that span entities. They read the raw input defensively, so an author sees these
 * alongside shape problems in one run instead of fixing one layer at a time.
 */
function findCrossEntityProblems(
  input: unknown,
  knownIds: ReadonlySet<string>,
  allowMissingRelated: boolean,
): StoreProblem[] {
  const problems: StoreProblem[] = [];
  const entities = listRecords(isRecord(input) ? input.entities : undefined);

  const firstIndexById = new Map<string, number>();
  for (const [index, entity] of entities) {
    if (typeof entity.id !== 'string') continue;
    const first = firstIndexById.get(entity.id);
    if (first === undefined) firstIndexById.set(entity.id, index);
    else {
      problems.push({
        path: formatPath(['entities', index, 'id']),
        message: `id ${quote(entity.id)} is used by entities[${first}] and entities[${index}]`,
      });
    }
  }

  for (const [index, entity] of entities) {
    for (const [relationIndex, relation] of listRecords(entity.related)) {
      if (typeof relation.id !== 'string') continue;
      const path = formatPath(['entities', index, 'related', relationIndex, 'id']);
      if (relation.id === entity.id) {
        problems.push({ path, message: 'points to the entity itself' });
      } else if (!allowMissingRelated && !firstIndexById.has(relation.id) && !knownIds.has(relation.id)) {
        const where = knownIds.size > 0 ? 'in this pack or the bundled store' : 'in this store';
        problems.push({
          path,
          message: `points to ${quote(relation.id)}, but no entity ${where} has that id`,
        });
      }
    }
  }

  // A strong alias always marks a mention, so two entities claiming one would make every
  // mention ambiguous.
  const strongOwner = new Map<string, { index: number; id: unknown }>();
  for (const [index, entity] of entities) {
    for (const [aliasIndex, alias] of listRecords(entity.aliases)) {
      if (alias.strength !== 'strong' || typeof alias.text !== 'string') continue;
      const key = makeAliasKey(alias.text);
      const owner = strongOwner.get(key);
      if (owner === undefined) strongOwner.set(key, { index, id: entity.id });
      else if (owner.index !== index) {
        const ownerName = typeof owner.id === 'string' ? ` (${quote(owner.id)})` : '';
        problems.push({
          path: formatPath(['entities', index, 'aliases', aliasIndex, 'text']),
          message: `strong alias ${quote(alias.text)} is also a strong alias of entities[${owner.index}]${ownerName}; a strong alias must belong to one entity (make one of them weak)`,
        });
      }
    }
  }
  return problems;
}

function capProblems(problems: StoreProblem[]): StoreProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { path: '$', message: `… and ${rest} more problems not shown` },
  ];
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function validateStore(input: unknown, options: ValidateStoreOptions = {}): ValidateStoreResult {
  try {
    // Refuse an oversized list before walking it: each entity costs real work.
    if (isRecord(input) && Array.isArray(input.entities) && input.entities.length > LIMITS.entities) {
      return {
        ok: false,
        problems: [
          {
            path: '$.entities',
            message: `has ${input.entities.length} entities; at most ${LIMITS.entities} are allowed`,
          },
        ],
      };
    }
    const result = v.safeParse(storeSchema, input, { abortPipeEarly: true, message: describeIssue });
    const problems: StoreProblem[] = result.success
      ? []
      : result.issues.map((issue) => ({
          path: formatPath(issue.path?.map((item) => item.key) ?? []),
          message: issue.message,
        }));
    problems.push(
      ...findCrossEntityProblems(
        input,
        new Set(options.knownIds ?? []),
        options.allowMissingRelated ?? false,
      ),
    );
    if (result.success && problems.length === 0) return { ok: true, store: result.output };
    if (problems.length === 0) problems.push({ path: '$', message: 'is not a valid store' });
    return { ok: false, problems: capProblems(problems) };
  } catch (error) {
    // Only exotic inputs get here (getters that throw, proxies): say so instead of crashing.
    return { ok: false, problems: [{ path: '$', message: `could not be checked: ${describeError(error)}` }] };
  }
}

function measureUtf8Bytes(text: string): number {
  // Each UTF-16 code unit is at least one UTF-8 byte, so most texts need no encoding.
  if (text.length > MAX_STORE_BYTES || text.length * 3 <= MAX_STORE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The problem with input of `bytes` UTF-8 bytes, or undefined when it is within
 * MAX_STORE_BYTES. `atLeast` says `bytes` is only a lower bound. Callers holding
 * a file check its size with this before reading it into memory.
 */
export function findSizeProblem(bytes: number, atLeast = false): StoreProblem | undefined {
  if (bytes <= MAX_STORE_BYTES) return undefined;
  const size = atLeast ? `at least ${formatMegabytes(bytes)}` : formatMegabytes(bytes);
  return {
    path: '$',
    message: `is ${size}; a store or pack may be at most ${formatMegabytes(MAX_STORE_BYTES)}`,
  };
}

/** V8 says "at position N"; people count lines and columns. */
function describeJsonError(error: unknown, text: string): string {
  const message = describeError(error);
  const position = /at position (\d+)/u.exec(message)?.[1];
  if (position === undefined || /line \d+/u.test(message)) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

export function parseStoreJson(text: string, options: ValidateStoreOptions = {}): ValidateStoreResult {
  if (typeof text !== 'string') {
    return { ok: false, problems: [{ path: '$', message: `must be JSON text, not ${describeValue(text)}` }] };
  }
  const bytes = measureUtf8Bytes(text);
  const tooBig = findSizeProblem(bytes, text.length > MAX_STORE_BYTES);
  if (tooBig) return { ok: false, problems: [tooBig] };
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '$', message: `is not valid JSON: ${describeJsonError(error, json)}` }],
    };
  }
  return validateStore(input, options);
}
