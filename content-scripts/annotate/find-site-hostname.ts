function readHostname(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The site the reader is on, for the per-site switch: the top page's hostname, in every frame.
 * A frame's own hostname is empty in about:blank and srcdoc frames, and another site's in an
 * embed, so "off for this site" left the page's frames marked. Where the browser lists the
 * ancestors' origins (Chromium) the top one is last; a same-origin top can be asked; else the
 * page that embedded us is the referrer (its origin at least, under the default policy).
 */
export function findSiteHostname(): string {
  if (window === window.top) return location.hostname;
  const ancestors = location.ancestorOrigins;
  const top = ancestors?.length ? readHostname(ancestors[ancestors.length - 1]) : undefined;
  if (top) return top;
  try {
    const sameOriginTop = window.top?.location.hostname;
    if (sameOriginTop) return sameOriginTop;
  } catch {
    // A cross-origin top: its location is not ours to read.
  }
  return readHostname(document.referrer) ?? (location.hostname || readHostname(origin) || '');
}
