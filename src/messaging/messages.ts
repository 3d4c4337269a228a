import { isLanguageTag } from '../store/is-language-tag.ts';
import { ENTITY_TYPES, type Entity, type EntityType } from '../store/types.ts';

/**
 * The extension's whole message protocol, one discriminated union on `type`.
 * Every type starts with `cc:`. Receivers validate with `parseMessage` and
 * ignore anything else, so a page or another extension cannot drive us.
 *
 * content script or popup -> background
 *   cc:get-entity      { id }            answer: { entity: Entity | null, language: string | null }
 *                                        (bundled store, then packs; language: the text's, from meta.language)
 *   cc:mention-count   { count }         no answer; the background sets the badge for the sender's tab
 *   cc:get-shortcut    {}                answer: { shortcut: string | null } (the next-mention command's keys)
 *   cc:get-matcher     {}                answer: { matcher: string | null } (the stored name list, built now;
 *                                        see src/matcher/stored-matcher.ts)
 * popup / background -> content script (tabs.sendMessage, top frame)
 *   cc:list-page-entities {}             answer: PageEntities (+ the page's hostname as `site`)
 *   cc:open-card       { id }            scroll to the entity's first mention and open its card
 *   cc:step-mention    { direction }     the keyboard command: next or previous mention
 *   cc:lookup-text     { text }          context menu: open the card for this text; answer: { found: boolean }
 *
 * A content script that is not running (browser pages, extension stores, no
 * host permission, loaded before the extension) makes tabs.sendMessage reject:
 * the popup reads that as "cannot run here". A top frame with annotation off
 * answers cc:list-page-entities with { active: false, entities: [] }.
 */

export interface PageEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface PageEntities {
  active: boolean;
  entities: PageEntity[];
  /**
   * The page's hostname as the content script sees it, for the popup's site
   * switch: reading it from tab.url would need the "tabs" permission.
   */
  site?: string;
}

export type Message =
  | { type: 'cc:get-entity'; id: string }
  | { type: 'cc:mention-count'; count: number }
  | { type: 'cc:get-shortcut' }
  | { type: 'cc:get-matcher' }
  | { type: 'cc:list-page-entities' }
  | { type: 'cc:open-card'; id: string }
  | { type: 'cc:step-mention'; direction: 'next' | 'previous' }
  | { type: 'cc:lookup-text'; text: string };

export type MessageType = Message['type'];

const MAX_STRING = 2_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_STRING;
}

/** Validates an incoming message; returns undefined for anything that is not ours or not well-formed. */
export function parseMessage(raw: unknown): Message | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'cc:get-entity':
    case 'cc:open-card':
      return isShortString(raw.id) ? { type: raw.type, id: raw.id } : undefined;
    case 'cc:mention-count':
      return typeof raw.count === 'number' && Number.isInteger(raw.count) && raw.count >= 0 && raw.count < 1e7
        ? { type: raw.type, count: raw.count }
        : undefined;
    case 'cc:list-page-entities':
    case 'cc:get-shortcut':
    case 'cc:get-matcher':
      return { type: raw.type };
    case 'cc:step-mention':
      return raw.direction === 'next' || raw.direction === 'previous'
        ? { type: raw.type, direction: raw.direction }
        : undefined;
    case 'cc:lookup-text':
      return isShortString(raw.text) ? { type: raw.type, text: raw.text } : undefined;
    default:
      return undefined;
  }
}

/** Validates the popup's answer from a content script. */
export function parsePageEntities(raw: unknown): PageEntities | undefined {
  if (!isRecord(raw) || typeof raw.active !== 'boolean' || !Array.isArray(raw.entities)) return undefined;
  const entities: PageEntity[] = [];
  for (const item of raw.entities) {
    if (!isRecord(item)) return undefined;
    const { id, name, type, count } = item;
    if (!isShortString(id) || !isShortString(name) || typeof count !== 'number') return undefined;
    if (!(ENTITY_TYPES as readonly unknown[]).includes(type)) return undefined;
    entities.push({ id, name, type: type as EntityType, count });
  }
  const page: PageEntities = { active: raw.active, entities };
  if (typeof raw.site === 'string' && raw.site.length <= 253) page.site = raw.site;
  return page;
}

export interface EntityAnswer {
  entity: Entity | null;
  language: string | null;
}

/** What a card shows: an entity, and the language its text is written in when the store or pack says. */
export interface CardEntity {
  entity: Entity;
  language?: string;
}

/**
 * Validates an answer to cc:get-entity: the entity's shape is trusted (the background checked it),
 * its presence is not; a language that is not a tag is dropped.
 */
export function parseEntityAnswer(raw: unknown): CardEntity | undefined {
  if (!isRecord(raw) || !isRecord(raw.entity)) return undefined;
  const { entity, language } = raw;
  if (!isShortString(entity.id) || !isShortString(entity.name)) return undefined;
  const card: CardEntity = { entity: entity as unknown as Entity };
  if (typeof language === 'string' && isLanguageTag(language)) card.language = language;
  return card;
}

/** Validates an answer to cc:lookup-text; anything else (no content script, annotation off) is "not found". */
export function parseLookupAnswer(raw: unknown): boolean {
  return isRecord(raw) && raw.found === true;
}
