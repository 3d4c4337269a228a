import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseMessage } from '../../../src/messaging/messages.ts';

const RUNS = 500;
const OWN_ID = 'context-cards@example.org';

type Listener = (...args: unknown[]) => unknown;

/**
 * A browser where every API exists, every call is recorded and resolves to undefined, and every
 * addListener keeps its listener, so the background's wiring can be driven from the test.
 */
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, Listener[]>();
  const storage = new Map<string, unknown>();
  function make(path: string): unknown {
    const target = () => undefined;
    return new Proxy(target, {
      get(_target, key) {
        if (typeof key !== 'string' || key === 'then') return undefined;
        if (path === 'browser.runtime' && key === 'id') return 'context-cards@example.org';
        if (key === 'addListener')
          return (listener: Listener) => listeners.set(path, [...(listeners.get(path) ?? []), listener]);
        if (key === 'removeListener' || key === 'hasListener') return () => undefined;
        if (path.startsWith('browser.storage.') && key === 'get')
          return async (name: string) => (storage.has(name) ? { [name]: storage.get(name) } : {});
        return make(`${path}.${key}`);
      },
      apply() {
        calls.push(path);
        if (path === 'browser.commands.getAll') return Promise.resolve([]);
        return Promise.resolve(undefined);
      },
    });
  }
  return { browser: make('browser'), calls, listeners, storage };
});

vi.mock('../../../src/platform/browser.ts', () => ({ browser: fake.browser }));

/** Messages close to ours: right and wrong types, fields of every type, prototype tricks. */
const messageLike = fc.oneof(
  fc.anything(),
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'cc:get-entity',
          'cc:mention-count',
          'cc:get-shortcut',
          'cc:list-page-entities',
          'cc:open-card',
          'cc:step-mention',
          'cc:lookup-text',
          'cc:',
          'CC:GET-ENTITY',
          '__proto__',
          'constructor',
        ),
        fc.string(),
        fc.anything(),
      ),
      id: fc.oneof(fc.string(), fc.string({ minLength: 2_001, maxLength: 2_100 }), fc.anything()),
      count: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      direction: fc.oneof(fc.constantFrom('next', 'previous', 'sideways'), fc.anything()),
      text: fc.oneof(fc.string(), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.constant(JSON.parse('{"type":"cc:get-entity","id":"taliban","__proto__":{"polluted":true}}')),
);

const sender = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.constant(OWN_ID), fc.string(), fc.constant(undefined)),
      tab: fc.option(fc.record({ id: fc.oneof(fc.nat(), fc.anything()) }), { nil: undefined }),
      frameId: fc.oneof(fc.nat(3), fc.anything()),
      url: fc.oneof(fc.webUrl(), fc.constant('https://evil.example/')),
    },
    { requiredKeys: [] },
  ),
  // The browser always passes a MessageSender object; what is in it is up to the sender.
  fc.object(),
);

describe('messages under fuzzing', () => {
  describe('parseMessage', () => {
    it('never throws and returns either nothing or exactly one well-formed message of ours', () => {
      fc.assert(
        fc.property(messageLike, (raw) => {
          const message = parseMessage(raw);
          if (message === undefined) return;
          expect(message.type.startsWith('cc:')).toBe(true);
          // Only the known fields come through, never the rest of the input.
          expect(
            Object.keys(message).every((key) => ['type', 'id', 'count', 'direction', 'text'].includes(key)),
          ).toBe(true);
          expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
          if ('id' in message) expect(typeof message.id).toBe('string');
          if ('text' in message) expect(typeof message.text).toBe('string');
          if ('count' in message) expect(Number.isInteger(message.count)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('background onMessage listener', () => {
    let listener: Listener;

    beforeAll(async () => {
      await import('../../../background/index.ts');
      const registered = fake.listeners.get('browser.runtime.onMessage') ?? [];
      expect(registered).toHaveLength(1);
      listener = registered[0] as Listener;
    });

    it('ignores every message from a sender that is not this extension, and changes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(messageLike, sender, async (raw, from) => {
          if (from && typeof from === 'object' && (from as { id?: unknown }).id === OWN_ID) return;
          fake.calls.length = 0;
          expect(listener(raw, from)).toBeUndefined();
          await Promise.resolve();
          expect(fake.calls).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });

    it('answers our own senders only for valid messages, never throws, and never writes anything', async () => {
      await fc.assert(
        fc.asyncProperty(messageLike, async (raw) => {
          fake.calls.length = 0;
          const answer = listener(raw, { id: OWN_ID, tab: { id: 7 }, frameId: 0 });
          if (parseMessage(raw) === undefined) expect(answer).toBeUndefined();
          await answer;
          // Reading the store, the shortcut and setting this tab's badge are the only effects allowed.
          for (const call of fake.calls)
            expect(call).toMatch(/^browser\.(storage\.\w+\.get|commands\.getAll|action\.setBadge\w+)$/);
        }),
        { numRuns: RUNS },
      );
    });

    it('ignores a corrupted packs value when asked for an entity that is not bundled', async () => {
      await fc.assert(
        fc.asyncProperty(fc.anything(), fc.string({ minLength: 1, maxLength: 50 }), async (packs, id) => {
          fake.storage.set('packs', packs);
          const answer = (await listener({ type: 'cc:get-entity', id: `zz-${id}` }, { id: OWN_ID })) as {
            entity: unknown;
          };
          expect(answer).toEqual({ entity: null, language: null });
        }),
        { numRuns: 200 },
      );
      fake.storage.delete('packs');
    });
  });
});
