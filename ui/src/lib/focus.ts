// Where the keyboard's focus goes when the page changes (a menu item, a login, a logout): to
// what the new page starts with, so a keyboard or screen reader user goes on from there instead
// of from the top of the window (WCAG 2.4.3 Focus Order). A page that puts the focus somewhere
// itself when it opens (the card check's number field, for the desk's scanner; the login's user
// name) keeps it.
import { tick } from "svelte";

/** The page's heading. */
export const HEADING = ["h1"];
/** A form's first field (the login's user name), else the page's heading. */
export const FIRST_FIELD = [
  "form input:not([type='hidden']):not(:disabled), form select:not(:disabled), form textarea:not(:disabled)",
  "h1",
];

/** Marks an element made focusable here (a heading): focused by script, it draws no ring. */
export const FOCUS_MARK = "data-page-focus";

export type PageFocus = {
  /**
   * What had the focus when the change began (the menu item, the logout button). Focus still
   * there, on the body (where it falls when what had it is gone) or on `<main>` itself is focus
   * nobody has placed yet; anywhere else, the page, a dialog or the user has placed it.
   */
  from?: Element | null;
  /** CSS selectors within `<main>`, the first that finds something wins. */
  targets?: readonly string[];
  /** How long to wait for a page that draws its content late (loaded when first opened), in ms. */
  wait?: number;
  /** False once a newer change has taken over: then nothing is focused. */
  current?: () => boolean;
};

/** The next frame (a short pause where nothing is drawn, as in the tests). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });
}

/** True while nobody has placed the focus since the change began (see `PageFocus.from`). */
export function focusUnplaced(main: HTMLElement, from?: Element | null): boolean {
  const active = main.ownerDocument.activeElement;
  return !active || active === main.ownerDocument.body || active === main || (!!from && active === from);
}

/** The first element in `main` that one of `targets` finds, in the order of `targets`. */
export function findTarget(main: HTMLElement, targets: readonly string[]): HTMLElement | null {
  for (const selector of targets) {
    const found = main.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** Scrolls the window back to its top: a new page starts there (banners above its heading in sight). */
function toTop(doc: Document): void {
  const scroller = doc.scrollingElement ?? doc.documentElement;
  if (scroller) scroller.scrollTop = 0;
}

/** Focuses `el`, making it focusable by script first when it is not (a heading). */
export function focusElement(el: HTMLElement): void {
  if (!el.hasAttribute("tabindex") && el.tabIndex < 0) {
    el.setAttribute("tabindex", "-1");
    el.setAttribute(FOCUS_MARK, "");
  }
  el.focus();
}

/**
 * After the page in `main` has changed, moves the focus to its first `targets` (its heading by
 * default), waiting a frame at a time (up to `wait` ms) for a page that draws late; gives up
 * when the page or anyone else places the focus meanwhile, and focuses `<main>` itself when the
 * page shows none of `targets` in time. Returns what it focused, or null when it left the focus
 * alone. The window is scrolled back to its top first, as a new page starts there.
 */
export async function focusPage(main: () => HTMLElement | null | undefined, opts: PageFocus = {}): Promise<HTMLElement | null> {
  const { from = null, targets = HEADING, wait = 1500, current = () => true } = opts;
  await tick();
  const start = Date.now();
  for (;;) {
    const el = main();
    if (!el?.isConnected || !current() || !focusUnplaced(el, from)) return null;
    const target = findTarget(el, targets);
    const chosen = target ?? (Date.now() - start >= wait ? el : null);
    if (chosen) {
      toTop(el.ownerDocument);
      focusElement(chosen);
      return chosen;
    }
    await nextFrame();
  }
}

/**
 * Keeps the focus on a button (or field) that is disabled while its work runs ("Skriv ut alle
 * kort" while the print runs): the browser drops the focus to the body when the element it is on
 * becomes disabled, and a keyboard user would start again from the top of the window. When the
 * element is enabled again and nobody has placed the focus meanwhile, it gets the focus back.
 * Watches `root`'s document from now on; returns the function that stops watching.
 */
export function keepFocusWhileBusy(root: HTMLElement): () => void {
  const doc = root.ownerDocument;
  /** What last had the focus, and whether it lost it by being disabled. */
  let last: HTMLElement | null = null;
  let waiting = false;
  const onFocus = (e: FocusEvent) => {
    last = e.target instanceof HTMLElement ? e.target : null;
    waiting = false;
  };
  const disabled = (el: HTMLElement) => "disabled" in el && (el as HTMLButtonElement).disabled === true;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.target !== last || !last) continue;
      if (disabled(last)) waiting = true;
      else if (waiting) {
        waiting = false;
        const active = doc.activeElement;
        if (last.isConnected && (!active || active === doc.body)) last.focus();
      }
    }
  });
  doc.addEventListener("focusin", onFocus);
  observer.observe(root, { subtree: true, attributes: true, attributeFilter: ["disabled"] });
  return () => {
    doc.removeEventListener("focusin", onFocus);
    observer.disconnect();
  };
}
