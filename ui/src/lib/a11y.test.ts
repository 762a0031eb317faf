// Accessibility checks that need no component: every "…Label" message (a button's
// accessible name) holds the visible text of its button in every language, and scrolling boxes
// become keyboard stops only while they scroll.
import { afterEach, describe, expect, it } from "vitest";
import { scrollFocus } from "./actions";
import { dictionaries, type MessageKey } from "./i18n/index.svelte";

/** A message with its `{name}` placeholders filled with a sample value. */
const filled = (text: string) => text.replace(/\{\w+\}/g, "X");
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Labels whose visible text is another key than the label's name without "Label". */
const SHOWN_AS: Partial<Record<MessageKey, MessageKey>> = {
  "letters.saveLabel": "common.save",
};

describe("button labels", () => {
  it("hold the button's visible text, in every language (WCAG 2.5.3 Label in Name)", () => {
    let pairs = 0;
    for (const [lang, dict] of Object.entries(dictionaries)) {
      const keys = Object.keys(dict) as MessageKey[];
      for (const key of keys.filter((k) => k.endsWith("Label"))) {
        const shown = SHOWN_AS[key] ?? (key.slice(0, -"Label".length) as MessageKey);
        if (!(shown in dict)) continue;
        pairs++;
        const visible = words(filled(dict[shown]));
        expect(words(filled(dict[key])), `${lang} ${key} holds ${shown} ("${dict[shown]}")`).toContain(visible);
      }
    }
    // The statistics' CSV buttons, the question translations, the letters' save and reset, …
    expect(pairs).toBeGreaterThanOrEqual(15);
  });
});

describe("scrollFocus", () => {
  afterEach(() => document.body.replaceChildren());

  /** A box whose content is `content` pixels wide in a box `box` pixels wide. */
  function box(tag: "div" | "ul", content: number, width: number) {
    const el = document.createElement(tag);
    Object.defineProperty(el, "scrollWidth", { configurable: true, get: () => content });
    Object.defineProperty(el, "clientWidth", { configurable: true, get: () => width });
    document.body.append(el);
    return el;
  }

  it("makes a box whose table is wider than it a tab stop, a region named by its heading", () => {
    const el = box("div", 900, 400);
    const action = scrollFocus(el, "title-venues");
    expect(el.tabIndex).toBe(0);
    expect(el.getAttribute("role")).toBe("region");
    expect(el.getAttribute("aria-labelledby")).toBe("title-venues");
    action.destroy();
  });

  it("adds no tab stop where everything fits, and takes it away when the box grows", () => {
    const fits = box("div", 400, 400);
    scrollFocus(fits, "title");
    expect(fits.hasAttribute("tabindex")).toBe(false);
    expect(fits.hasAttribute("role")).toBe(false);

    let width = 300;
    const grows = box("div", 400, 0);
    Object.defineProperty(grows, "clientWidth", { configurable: true, get: () => width });
    const action = scrollFocus(grows, "title");
    expect(grows.tabIndex).toBe(0);
    width = 500;
    action.update("title");
    expect(grows.hasAttribute("tabindex")).toBe(false);
    expect(grows.hasAttribute("role")).toBe(false);
    expect(grows.hasAttribute("aria-labelledby")).toBe(false);
  });

  it("leaves a scrolling list a list, named by its heading", () => {
    const el = box("ul", 900, 400);
    scrollFocus(el, "q-4-title");
    expect(el.tabIndex).toBe(0);
    expect(el.hasAttribute("role")).toBe(false);
    expect(el.getAttribute("aria-labelledby")).toBe("q-4-title");
  });
});
