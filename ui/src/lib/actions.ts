// Makes a whole table row open something on click. Rows also carry a real <button> for
// keyboard users, so this is only a larger mouse target.
export function rowClick(node: HTMLElement, handler: () => void) {
  let current = handler;
  const onClick = (e: MouseEvent) => {
    const target = e.target as HTMLElement | null;
    if (target?.closest("button, a, input, select, textarea, label")) return;
    current();
  };
  node.addEventListener("click", onClick);
  node.classList.add("clickable");
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      node.removeEventListener("click", onClick);
    },
  };
}

/**
 * Makes an element a drop zone for one file: `onfile` gets the dropped file, `onhover` hears
 * whether a file is held over it.
 */
export function fileDrop(
  node: HTMLElement,
  options: { onfile: (file: File) => void; onhover: (over: boolean) => void },
) {
  let opts = options;
  const over = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    opts.onhover(true);
  };
  const leave = () => opts.onhover(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    opts.onhover(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) opts.onfile(file);
  };
  node.addEventListener("dragenter", over);
  node.addEventListener("dragover", over);
  node.addEventListener("dragleave", leave);
  node.addEventListener("drop", drop);
  return {
    update(next: typeof options) {
      opts = next;
    },
    destroy() {
      node.removeEventListener("dragenter", over);
      node.removeEventListener("dragover", over);
      node.removeEventListener("dragleave", leave);
      node.removeEventListener("drop", drop);
    },
  };
}

/** The file chosen in a file input; the input is cleared so the same file can be chosen again. */
export function takeChosenFile(e: Event): File | undefined {
  const input = e.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  input.value = "";
  return file;
}

/** Scrolls `node` into view at the top (below the sticky header, by its scroll margin). */
export function scrollToTop(node: HTMLElement | null | undefined): void {
  node?.scrollIntoView?.({ block: "start" });
}

/**
 * Brings a message into view when it appears and whenever `key` (its text) changes, so a
 * refusal is never left above the window or under the sticky header (the page's scroll
 * padding keeps it clear of the header).
 */
export function reveal(node: HTMLElement, key?: unknown) {
  const show = () => {
    const r = node.getBoundingClientRect();
    const header = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--header-height")) || 0;
    if (r.top < header || r.bottom > window.innerHeight) node.scrollIntoView?.({ block: "center" });
  };
  let last = key;
  queueMicrotask(show);
  return {
    update(next: unknown) {
      if (next !== last) {
        last = next;
        queueMicrotask(show);
      }
    },
  };
}

/**
 * Lets the keyboard scroll a box whose content does not fit in it (a wide table in a narrow
 * window, a long list of answers): while its content overflows, the box is a tab stop
 * (`tabindex="0"`, so the arrow keys scroll it; WCAG 2.1.1) and, given `labelledby` (the id of
 * its heading), named by that heading (a plain box as a region; a list stays a list), so a
 * screen reader says what took the focus.
 * When everything fits it is neither, and adds no tab stop. Checked again whenever the box or
 * its content changes size.
 */
export function scrollFocus(node: HTMLElement, labelledby?: string) {
  let label = labelledby;
  const generic = node.tagName === "DIV" && !node.hasAttribute("role");
  const update = () => {
    const overflows = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (overflows) {
      node.tabIndex = 0;
      node.classList.add("scroll-focus");
      if (label) {
        // A list keeps its own role (its items are counted); a plain box becomes the region.
        if (generic) node.setAttribute("role", "region");
        node.setAttribute("aria-labelledby", label);
      }
    } else {
      node.removeAttribute("tabindex");
      node.classList.remove("scroll-focus");
      if (generic) node.removeAttribute("role");
      node.removeAttribute("aria-labelledby");
    }
  };
  const resized = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
  const watch = () => {
    resized?.disconnect();
    resized?.observe(node);
    for (const child of node.children) resized?.observe(child);
  };
  // New rows or answers change the content's size without the box's: watch the children anew.
  const changed = typeof MutationObserver === "function" ? new MutationObserver(() => (watch(), update())) : null;
  changed?.observe(node, { childList: true, subtree: true, characterData: true });
  watch();
  update();
  return {
    update(next?: string) {
      label = next;
      update();
    },
    destroy() {
      resized?.disconnect();
      changed?.disconnect();
    },
  };
}
