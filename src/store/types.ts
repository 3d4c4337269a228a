/**
 * The shape of the entity store and of custom packs. The runtime validator in
 * `validate-store.ts` checks unknown JSON against exactly this shape.
 */

export const ENTITY_TYPES = ['person', 'group', 'organization', 'place', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A public page a fact was found on. Only http: and https: URLs are allowed. */
export interface Source {
  title: string;
  url: string;
}

/** Date as YYYY, YYYY-MM or YYYY-MM-DD. */
export type FactDate = string;

export interface DatedFact {
  date: FactDate;
  text: string;
  source: Source;
}

/** Where the article is wrong or out of date, with the source that says so. */
export interface Correction {
  text: string;
  source: Source;
}

export interface Alias {
  /** The surface form as pages write it, e.g. "Sergey Lavrov", "Путина". */
  text: string;
  /**
   * strong: always a mention. weak: a mention only when the same page also has a
   * strong alias of this entity or one of its context words.
   */
  strength: 'strong' | 'weak';
  /** Match only as written ("IS", "UN", "AP"). Default false: case-insensitive. */
  caseSensitive?: boolean;
  /** Also match the text with diacritics removed ("Sergueï" ~ "Sergueï"/"Sergue"). Default true. */
  foldDiacritics?: boolean;
  /**
   * Phrases that, when they contain this match, cancel it
   * ("Islamic State of Afghanistan" cancels "Islamic State").
   */
  exclude?: string[];
  /** BCP 47 language of the alias, e.g. "en", "ru", "ps", "fa". */
  lang?: string;
}

export interface Relation {
  id: string;
  /** How this entity relates to the other, e.g. "envoy of", "member of". */
  label: string;
}

export interface Entity {
  /** Stable, kebab-case, unique across the bundled store and all packs. */
  id: string;
  name: string;
  type: EntityType;
  /** One or two sentences. */
  summary: string;
  /** The entity's role in the article. */
  role: string;
  aliases: Alias[];
  /** Words that, on the same page, confirm a weak alias of this entity. */
  contextWords?: string[];
  facts: DatedFact[];
  /** Later developments, after the article's date. */
  later: DatedFact[];
  corrections?: Correction[];
  related: Relation[];
  /** Reference link, usually Wikipedia. */
  link?: Source;
}

export interface StoreMeta {
  /** Name of the store or pack, shown in the settings page. */
  name: string;
  /** The article the store was built from. */
  article?: { title: string; publisher: string; date: FactDate; url?: string };
  /** The date the facts are current to. */
  currentTo: FactDate;
  /**
   * BCP 47 language of the store's text (summaries, roles, facts, labels), e.g. "en". Cards mark
   * their text with it, so a screen reader on a Russian or Persian page reads it in the right
   * voice. Absent: the text takes the language of the extension's interface.
   */
  language?: string;
}

export interface Store {
  schemaVersion: 1;
  meta: StoreMeta;
  entities: Entity[];
}
