import { decodeStoredMatcher, type LoadedMatcher, MATCHER_KEY } from '../../src/matcher/stored-matcher.ts';
import {
  type CardEntity,
  type Message,
  parseEntityAnswer,
  parseMessage,
} from '../../src/messaging/messages.ts';
import { browser } from '../../src/platform/browser.ts';
import { readLocal, watchLocal } from '../../src/platform/local-storage.ts';
import type { Settings } from '../../src/settings/defaults.ts';
import { isActiveOnSite } from '../../src/settings/sanitize-settings.ts';
import { readSettings, watchSettings } from '../../src/settings/settings-storage.ts';
import { createSession, type Session } from './create-session.ts';
import { findSiteHostname } from './find-site-hostname.ts';
import { IS_BENCH, measureFloorInOwnWorld, recordBenchTask } from './scan/record-bench-task.ts';

/** Entry: wiring only. Starts a session when annotation is on for this site and tears it down when it goes off. */
const scriptStarted = IS_BENCH ? performance.now() : 0;
if (IS_BENCH) performance.mark('cc:start');
// A floor load of the bench (see measureFloorInOwnWorld); the annotation that follows is not measured.
if (IS_BENCH && location.hash === '#cc-bench-floor') measureFloorInOwnWorld(document);
const lifetime = new AbortController();
let session: Session | undefined;
let shortcut: string | undefined;
/** Bumped by every start(), so only the latest one (latest settings and packs) creates the session. */
let starts = 0;
const isTopFrame = window === window.top;
/** The page's site in every frame: the per-site switch is about the page the reader sees. */
const siteHostname = findSiteHostname();
/**
 * A frame smaller than this (CSS pixels) cannot show a line of text anyone could hover:
 * tracking pixels, hidden ad and sync frames. News pages carry many; each full start costs
 * 9-17 ms of the page's main thread (bench build, 20 such frames: 173-345 ms in all), so a
 * frame this small waits, without a session, until it grows (see startWhenReadable).
 */
const MIN_FRAME_WIDTH = 40;
const MIN_FRAME_HEIGHT = 16;
/** Settings to start with once this frame is big enough to read; undefined when not waiting. */
let waitingSettings: Settings | undefined;
/**
 * The start under way (the name list loading), if any: a popup that asks meanwhile waits for it
 * rather than hearing "off" from a page that is about to be marked.
 */
let starting: Promise<void> | undefined;
/** The first settings read and applied: before it, a page that is about to be marked has no session either. */
let firstSettings: Promise<void> = Promise.resolve();

/** Resolves once this frame's session is as settled as it will be: started, or off. */
function whenSettled(): Promise<void> {
  return firstSettings.then(() => starting);
}

/** After the extension is reloaded or updated, this old script can no longer talk to it: stop quietly. */
function isContextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function shutDown(): void {
  session?.destroy();
  session = undefined;
  lifetime.abort();
}

async function send(message: Message): Promise<unknown> {
  if (!isContextAlive()) {
    shutDown();
    return undefined;
  }
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    if (!isContextAlive()) shutDown();
    return undefined;
  }
}

async function loadEntity(id: string): Promise<CardEntity | undefined> {
  return parseEntityAnswer(await send({ type: 'cc:get-entity', id }));
}

let warnedNoMatcher = false;

/**
 * The name list the background compiled (bundled store and packs, see stored-matcher.ts). When
 * storage has none this build can use (the first pages after an install or update, or a damaged
 * value), the background builds it now and answers with it.
 */
async function loadMatcher(): Promise<LoadedMatcher | undefined> {
  const stored = await readLocal(MATCHER_KEY);
  const started = IS_BENCH ? performance.now() : 0;
  // A list damaged past its shape checks: the background compares it with a fresh build and
  // stores the fresh one, which restarts every page's session (see the watchLocal below).
  const onDamaged = () => void send({ type: 'cc:get-matcher' });
  const loaded = decodeStoredMatcher(stored, undefined, onDamaged);
  if (IS_BENCH) recordBenchTask('matcher', started);
  if (loaded) return loaded;
  const answer = (await send({ type: 'cc:get-matcher' })) as { matcher?: unknown } | undefined;
  const built = decodeStoredMatcher(answer?.matcher, undefined, onDamaged);
  if (!built && !warnedNoMatcher && isContextAlive()) {
    warnedNoMatcher = true;
    console.warn('Context Cards: the list of names could not be loaded, so nothing is marked on this page.');
  }
  return built;
}

async function start(settings: Settings): Promise<void> {
  const ticket = ++starts;
  const loaded = await loadMatcher();
  if (!loaded || lifetime.signal.aborted || session || ticket !== starts) return;
  const started = IS_BENCH ? performance.now() : 0;
  const entities = new Map(loaded.entities.map((entity) => [entity.id, entity]));
  session = createSession({
    document,
    matcher: loaded.matcher,
    entities,
    settings,
    loadEntity,
    shortcut: () => shortcut,
    onCount: (count) => {
      if (isTopFrame) void send({ type: 'cc:mention-count', count });
    },
  });
  if (IS_BENCH) recordBenchTask('start', started);
  if (isTopFrame && shortcut === undefined) {
    const answer = (await send({ type: 'cc:get-shortcut' })) as { shortcut?: string | null } | undefined;
    shortcut = answer?.shortcut ?? undefined;
  }
}

function applySettings(settings: Settings): void {
  const active = isActiveOnSite(settings, siteHostname);
  if (!active) {
    waitingSettings = undefined;
    session?.destroy();
    session = undefined;
    if (isTopFrame) void send({ type: 'cc:mention-count', count: 0 });
  } else if (session) session.applySettings(settings);
  else startWhenReadable(settings);
}

function isReadableSize(): boolean {
  return isTopFrame || (window.innerWidth >= MIN_FRAME_WIDTH && window.innerHeight >= MIN_FRAME_HEIGHT);
}

function startWhenReadable(settings: Settings): void {
  if (isReadableSize()) {
    waitingSettings = undefined;
    const started = start(settings).finally(() => {
      if (starting === started) starting = undefined;
    });
    starting = started;
  } else waitingSettings = settings;
}

// A frame's window gets 'resize' when its iframe is resized, or shown after display: none.
if (!isTopFrame) {
  window.addEventListener(
    'resize',
    () => {
      if (!waitingSettings || !isReadableSize()) return;
      const latest = waitingSettings;
      waitingSettings = undefined;
      applySettings(latest);
    },
    { signal: lifetime.signal, passive: true },
  );
}

browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseMessage(raw);
  if (!message) return undefined;
  // Only the top frame answers the popup, so one page gives one answer.
  if (!isTopFrame) return undefined;
  if (message.type === 'cc:list-page-entities') {
    const answer = whenSettled().then(
      () => session?.handleMessage(message) ?? { active: false, entities: [] },
    );
    // The popup's site switch needs the hostname; tab.url would need the "tabs" permission.
    return answer.then((page) => ({ ...(page as object), site: location.hostname }));
  }
  if (!session) return whenSettled().then(() => session?.handleMessage(message));
  return session.handleMessage(message);
});

watchSettings(applySettings, lifetime.signal);
// The background stores a new name list when packs are imported or removed: start again with it.
watchLocal(
  MATCHER_KEY,
  () => {
    session?.destroy();
    session = undefined;
    void readSettings().then(applySettings);
  },
  lifetime.signal,
);
firstSettings = readSettings().then((settings) => {
  const started = IS_BENCH ? performance.now() : 0;
  applySettings(settings);
  if (IS_BENCH) recordBenchTask('settings', started);
});
if (IS_BENCH) recordBenchTask('script', scriptStarted);
