import { CARD_STYLES } from '../src/card/card-styles.ts';
import { renderCard, renderUnavailableCard } from '../src/card/render-card.ts';
import type { CardEntity } from '../src/messaging/messages.ts';
import { translate } from '../src/platform/translate.ts';

/** The page card's stylesheet, unpinned: in the popup the card flows in the document instead of floating. */
const POPUP_CARD_STYLES = `${CARD_STYLES}
:host { position: static !important; width: auto !important; height: auto !important; display: block !important; }
.card { position: static; width: 100%; max-height: none; box-shadow: none; animation: none; }
`;

export interface PopupCardOptions {
  host: HTMLElement;
  loadEntity: (id: string) => Promise<CardEntity | undefined>;
  nameOf: (id: string) => string | undefined;
  theme: () => 'auto' | 'light' | 'dark';
  /** Called when the card closes, to give the list back the space. */
  onClose: () => void;
}

export interface PopupCard {
  open(id: string): Promise<void>;
  close(): void;
}

/**
 * The same card as on pages (renderCard), inside a shadow root of the popup,
 * with its own history for related entities.
 */
export function createPopupCard(options: PopupCardOptions): PopupCard {
  const { host } = options;
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = POPUP_CARD_STYLES;
  let history: string[] = [];
  let generation = 0;

  async function render(id: string): Promise<void> {
    const ticket = ++generation;
    const found = await options.loadEntity(id);
    if (ticket !== generation) return;
    let card: HTMLElement;
    if (found) {
      card = renderCard(
        document,
        found.entity,
        { canGoBack: history.length > 1, nameOf: options.nameOf, translate, language: found.language },
        {
          onRelated: (related) => {
            history.push(related);
            void render(related);
          },
          onBack: () => {
            history.pop();
            const previous = history.at(-1);
            if (previous) void render(previous);
          },
          onClose: close,
          onStep: () => undefined,
        },
      );
    } else {
      card = renderUnavailableCard(document, translate);
    }
    card.classList.add(options.theme());
    root.replaceChildren(style, card);
    host.hidden = false;
    card.focus({ preventScroll: true });
    host.scrollIntoView({ block: 'nearest' });
  }

  function close(): void {
    generation++;
    history = [];
    root.replaceChildren();
    host.hidden = true;
    options.onClose();
  }

  return {
    open(id) {
      history = [id];
      return render(id);
    },
    close,
  };
}
