/**
 * The runtime schema of the store and of custom packs, in valibot (no eval, which the MV3 CSP
 * forbids). It checks shape and per-field rules; rules that span entities (unique ids, relations,
 * strong alias clashes) are in `validate-store.ts`. The JSON Schema in schema/store.schema.json is
 * generated from this file (`build-store-json-schema.ts`), the `v.metadata` parts feeding it.
 */
import * as v from 'valibot';
import {
  describeValue,
  findDateProblem,
  findIdProblem,
  findLangProblem,
  findTextProblem,
  findUrlProblem,
  LIMITS,
  PATTERNS,
  quote,
  type TextRule,
} from './find-field-problem.ts';
import { ENTITY_TYPES, type Store } from './types.ts';

/** A string checked by one plain-language rule, described for JSON Schema by `json`. */
function ruleSchema(findProblem: (value: string) => string | undefined, json: Record<string, unknown>) {
  return v.pipe(
    v.string(),
    v.check(
      (value) => findProblem(value) === undefined,
      (issue) => findProblem(issue.input) ?? 'is not allowed',
    ),
    v.metadata(json),
  );
}

function textSchema(rule: TextRule, description?: string) {
  return ruleSchema((text) => findTextProblem(text, rule), {
    ...(description ? { description } : {}),
    minLength: rule.min,
    maxLength: rule.max,
    allOf: [
      { pattern: PATTERNS.trimmed },
      { pattern: rule.multiline ? PATTERNS.noControlExceptNewline : PATTERNS.noControl },
      { pattern: PATTERNS.noMarkup },
    ],
  });
}

const lineText = (max: number, description?: string) =>
  textSchema({ min: 1, max, multiline: false }, description);
const proseText = (min: number, max: number, description?: string) =>
  textSchema({ min, max, multiline: true }, description);

const urlSchema = ruleSchema(findUrlProblem, {
  description: 'An http: or https: URL.',
  maxLength: LIMITS.url,
  pattern: PATTERNS.url,
});
const dateSchema = ruleSchema(findDateProblem, {
  description: 'YYYY, YYYY-MM or YYYY-MM-DD; a real calendar date.',
  pattern: PATTERNS.date,
});
const idSchema = ruleSchema(findIdProblem, { maxLength: LIMITS.id, pattern: PATTERNS.id });
const langSchema = ruleSchema(findLangProblem, { maxLength: LIMITS.lang, pattern: PATTERNS.lang });

function listSchema<T extends v.GenericSchema>(item: T, max: number, what: string) {
  return v.pipe(
    v.array(item),
    v.maxLength(max, (issue) => `has ${issue.input.length} ${what}; at most ${max} are allowed`),
  );
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function measureEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 64 || b.length > 64) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? limit;
}

function findClosestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = measureEditDistance(key.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Unknown keys are rejected, not dropped: in a hand-written pack "sumary" is a typo, and dropping
 * it silently would leave the author puzzling over a "missing summary".
 */
function recordSchema<const T extends v.ObjectEntries>(entries: T) {
  const allowed = Object.keys(entries);
  // valibot's object schemas accept arrays (typeof [] is 'object'), which would report every
  // field of a list as "missing"; one clear message is better.
  const notList = v.custom<unknown>(
    (input) => !Array.isArray(input),
    (issue) => `must be an object, not ${describeValue(issue.input)}`,
  );
  const record = v.strictObject(entries, (issue) => {
    if (issue.expected === 'never' && typeof issue.input === 'string') {
      const suggestion = findClosestKey(issue.input, allowed);
      const hint = suggestion
        ? ` (did you mean "${suggestion}"?)`
        : `; allowed fields are ${allowed.join(', ')}`;
      return `unknown field ${quote(issue.input)}${hint}`;
    }
    if (issue.input === undefined && issue.expected?.startsWith('"')) {
      return `required field ${issue.expected} is missing`;
    }
    return `must be an object, not ${describeValue(issue.input)}`;
  });
  return v.pipe(notList, record);
}

export const sourceSchema = recordSchema({
  title: lineText(LIMITS.line, 'The page or publication, e.g. "Reuters, 20 Oct 2021".'),
  url: urlSchema,
});

export const datedFactSchema = recordSchema({
  date: dateSchema,
  text: proseText(1, LIMITS.text),
  source: sourceSchema,
});

export const correctionSchema = recordSchema({
  text: proseText(1, LIMITS.text),
  source: sourceSchema,
});

export const aliasSchema = recordSchema({
  text: lineText(LIMITS.alias, 'The surface form as pages write it, e.g. "Sergey Lavrov".'),
  strength: v.pipe(
    v.picklist(
      ['strong', 'weak'],
      (issue) => `must be "strong" or "weak", not ${describeValue(issue.input)}`,
    ),
    v.metadata({
      description:
        'strong: always a mention. weak: a mention only when the page also has a strong alias or a context word of this entity.',
    }),
  ),
  caseSensitive: v.optional(v.boolean()),
  foldDiacritics: v.optional(v.boolean()),
  exclude: v.optional(listSchema(lineText(LIMITS.alias), LIMITS.shortListItems, 'exclude phrases')),
  lang: v.optional(langSchema),
});

export const relationSchema = recordSchema({
  id: idSchema,
  label: lineText(LIMITS.line, 'How this entity relates to the other, e.g. "envoy of".'),
});

export const entitySchema = recordSchema({
  id: idSchema,
  name: lineText(LIMITS.line),
  type: v.picklist(
    ENTITY_TYPES,
    (issue) => `must be one of ${ENTITY_TYPES.join(', ')}; not ${describeValue(issue.input)}`,
  ),
  summary: proseText(LIMITS.summaryMin, LIMITS.summaryMax, 'One or two sentences.'),
  role: proseText(1, LIMITS.text, "The entity's role in the article."),
  aliases: v.pipe(
    v.array(aliasSchema),
    v.minLength(1, 'needs at least one alias'),
    v.maxLength(
      LIMITS.aliases,
      (issue) => `has ${issue.input.length} aliases; at most ${LIMITS.aliases} are allowed`,
    ),
  ),
  contextWords: v.optional(listSchema(lineText(LIMITS.alias), LIMITS.listItems, 'context words')),
  facts: listSchema(datedFactSchema, LIMITS.listItems, 'facts'),
  later: listSchema(datedFactSchema, LIMITS.listItems, 'later developments'),
  corrections: v.optional(listSchema(correctionSchema, LIMITS.shortListItems, 'corrections')),
  related: listSchema(relationSchema, LIMITS.listItems, 'relations'),
  link: v.optional(sourceSchema),
});

export const storeMetaSchema = recordSchema({
  name: lineText(LIMITS.line, 'Name of the store or pack, shown in the settings page.'),
  article: v.optional(
    recordSchema({
      title: lineText(LIMITS.line),
      publisher: lineText(LIMITS.line),
      date: dateSchema,
      url: v.optional(urlSchema),
    }),
  ),
  currentTo: dateSchema,
  language: v.optional(
    ruleSchema(findLangProblem, {
      maxLength: LIMITS.lang,
      pattern: PATTERNS.lang,
      description:
        'BCP 47 language of the text (summaries, roles, facts, labels), e.g. "en". Cards mark their text with it for screen readers.',
    }),
  ),
});

export const storeSchema = v.pipe(
  recordSchema({
    schemaVersion: v.literal(
      1,
      (issue) => `must be 1, not ${describeValue(issue.input)} (the only format this version reads)`,
    ),
    meta: storeMetaSchema,
    entities: listSchema(entitySchema, LIMITS.entities, 'entities'),
  }),
  v.metadata({
    title: 'Context Cards store or pack',
    description:
      'The entity store bundled with Context Cards, or a custom pack. This schema checks shape only; unique ids, relations that point to existing entities, strong aliases claimed by one entity only and real calendar dates are checked by `npm run validate-store`.',
  }),
);

type StoreSchemaOutput = v.InferOutput<typeof storeSchema>;

// Compile-time proof that this schema and the hand-written types in types.ts describe the same
// shape, both ways: if either drifts, this line stops type-checking.
type IsAssignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;
export type StoreSchemaMatchesTypes = [
  Expect<IsAssignable<StoreSchemaOutput, Store>>,
  Expect<IsAssignable<Store, StoreSchemaOutput>>,
];
