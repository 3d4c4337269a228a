/**
 * The card's stylesheet, placed as a <style> element inside its closed shadow
 * root (constructed stylesheets misbehave in Firefox content scripts). The
 * :host rules are !important because, for important declarations, the inner
 * (shadow) context wins over the page, so hostile page CSS cannot move or
 * restyle the host.
 */
export const CARD_STYLES = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  transform: none !important;
  filter: none !important;
  contain: none !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b57d0; --chip: #eef2f7; --warn-bg: #fff8e1; --warn-fg: #6b4b00;
  position: fixed; top: 0; left: 0;
  box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: 70vh; overflow: auto;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0;
  padding: 12px 14px; direction: ltr;
  animation: cc-in 120ms ease-out;
}
/* The store's language decides (render-card.ts); ltr above keeps an rtl page's direction out. */
.card[dir="rtl"] { direction: rtl; }
.card.dark { --bg: #1d2127; --fg: #e6edf3; --muted: #9ba7b4; --line: #3a424d; --accent: #8ab4f8; --chip: #2a3039; --warn-bg: #3a3020; --warn-fg: #f2d49b; }
@media (prefers-color-scheme: dark) {
  .card.auto { --bg: #1d2127; --fg: #e6edf3; --muted: #9ba7b4; --line: #3a424d; --accent: #8ab4f8; --chip: #2a3039; --warn-bg: #3a3020; --warn-fg: #f2d49b; }
}
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
/* Built and placed during the hover delay, shown when it ends (the fade-in starts then). */
.card.staged { visibility: hidden; animation: none; }
@keyframes cc-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
.card:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
header { display: flex; align-items: flex-start; gap: 8px; }
h2 { font-size: 16px; line-height: 1.3; margin: 0; flex: 1; font-weight: 650; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 12px 0 4px; font-weight: 600; }
p { margin: 4px 0; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 4px 0; }
time { color: var(--muted); font-variant-numeric: tabular-nums; margin-inline-end: 6px; white-space: nowrap; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
.type { display: inline-block; font-size: 11px; padding: 1px 7px; border-radius: 999px; background: var(--chip); color: var(--muted); margin-top: 2px; }
.summary { margin-top: 6px; }
.source { font-size: 12px; margin-inline-start: 4px; }
.correction { background: var(--warn-bg); color: var(--warn-fg); border-radius: 6px; padding: 6px 8px; margin: 4px 0; }
button { font: inherit; color: inherit; background: var(--chip); border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.icon { background: none; border: none; font-size: 18px; line-height: 1; padding: 2px 4px; color: var(--muted); }
.related { display: flex; flex-wrap: wrap; gap: 6px; }
.related button { font-size: 12px; }
.related .label { color: var(--muted); font-size: 11px; margin-inline-start: 4px; }
footer { margin-top: 12px; padding-top: 8px; border-top: 1px solid var(--line); display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font-size: 12px; color: var(--muted); }
footer .count { flex: 1; }
.hint { flex-basis: 100%; }
.loading, .error { color: var(--muted); }
`;
