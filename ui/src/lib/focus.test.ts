import { afterEach, describe, expect, it } from "vitest";
import { FIRST_FIELD, FOCUS_MARK, HEADING, findTarget, focusPage, focusUnplaced, keepFocusWhileBusy, nextFrame } from "./focus";

/** A window like the app's: a menu button outside `<main>`, and `<main>` with `html` in it. */
function shell(html = "") {
  document.body.innerHTML = `<nav><button id="menu">Program</button><button id="other">Logg</button></nav>
    <main id="main" tabindex="-1">${html}</main>`;
  const main = document.getElementById("main")!;
  const menu = document.getElementById("menu")!;
  menu.focus();
  return { main, menu };
}

afterEach(() => document.body.replaceChildren());

describe("focusPage", () => {
  it("moves the focus from the menu item to the new page's heading, focusable by script only", async () => {
    const { main, menu } = shell(`<div class="banner">Lesetilgang</div><section><h1>Programår</h1><button>Nytt år</button></section>`);
    const h1 = main.querySelector("h1")!;
    expect(await focusPage(() => main, { from: menu })).toBe(h1);
    expect(document.activeElement).toBe(h1);
    expect(h1.getAttribute("tabindex")).toBe("-1");
    expect(h1.hasAttribute(FOCUS_MARK)).toBe(true);
  });

  it("leaves the focus where the page put it when it opened (the card check's number field)", async () => {
    const { main, menu } = shell(`<h1>Kortsjekk</h1><form><input id="code" /></form>`);
    (main.querySelector("#code") as HTMLInputElement).focus();
    expect(await focusPage(() => main, { from: menu })).toBeNull();
    expect(document.activeElement?.id).toBe("code");
    expect(main.querySelector("h1")!.hasAttribute("tabindex")).toBe(false);
  });

  it("takes over from the body, where the focus falls when the button that had it is gone", async () => {
    const { main } = shell(`<button id="start">Sett opp programmet</button>`);
    const start = main.querySelector<HTMLButtonElement>("#start")!;
    start.focus();
    main.innerHTML = "<h1>Program</h1>";
    expect(document.activeElement).toBe(document.body);
    expect(await focusPage(() => main, { from: start })).toBe(main.querySelector("h1"));
  });

  it("leaves the focus alone when someone put it elsewhere meanwhile (another menu item)", async () => {
    const { main, menu } = shell("<h1>Program</h1>");
    document.getElementById("other")!.focus();
    expect(await focusPage(() => main, { from: menu })).toBeNull();
    expect(document.activeElement?.id).toBe("other");
  });

  it("waits for a page that is drawn late (loaded when first opened)", async () => {
    const { main, menu } = shell("");
    const late = (async () => {
      await nextFrame();
      await nextFrame();
      main.insertAdjacentHTML("beforeend", "<section><h1>Tilbakemeldinger</h1></section>");
    })();
    const focused = await focusPage(() => main, { from: menu });
    await late;
    expect(focused?.textContent).toBe("Tilbakemeldinger");
    expect(document.activeElement).toBe(focused);
  });

  it("focuses <main> itself when the page shows no heading in time", async () => {
    const { main, menu } = shell(`<p role="alert">Kunne ikke laste siden</p>`);
    expect(await focusPage(() => main, { from: menu, wait: 30 })).toBe(main);
    expect(document.activeElement).toBe(main);
    expect(main.hasAttribute(FOCUS_MARK)).toBe(false);
  });

  it("gives way to a newer change of page, and does nothing once <main> is gone", async () => {
    const { main, menu } = shell("<h1>Program</h1>");
    expect(await focusPage(() => main, { from: menu, current: () => false })).toBeNull();
    expect(document.activeElement).toBe(menu);
    main.remove();
    expect(await focusPage(() => main, { from: menu })).toBeNull();
    expect(await focusPage(() => undefined, { from: menu })).toBeNull();
  });

  it("after a logout, prefers the login form's first field to its heading", async () => {
    const { main, menu } = shell(
      `<form><h1>Logg inn</h1><input type="hidden" name="x" /><input id="user" disabled /><input id="name" /><input id="password" /></form>`,
    );
    expect(await focusPage(() => main, { from: menu, targets: FIRST_FIELD })).toBe(main.querySelector("#name"));
    // A field is focusable already: it is not marked.
    expect(main.querySelector("#name")!.hasAttribute("tabindex")).toBe(false);
  });

  it("starts the new page at the top of the window", async () => {
    const { main, menu } = shell("<h1>Program</h1>");
    const scroller = document.scrollingElement ?? document.documentElement;
    let top = 480;
    Object.defineProperty(scroller, "scrollTop", { configurable: true, get: () => top, set: (v: number) => (top = v) });
    try {
      await focusPage(() => main, { from: menu });
      expect(top).toBe(0);
      // Left alone (the page placed the focus), the window is not moved.
      top = 480;
      main.insertAdjacentHTML("beforeend", `<input id="code" />`);
      (main.querySelector("#code") as HTMLInputElement).focus();
      await focusPage(() => main, { from: menu });
      expect(top).toBe(480);
    } finally {
      delete (scroller as unknown as Record<string, unknown>).scrollTop;
    }
  });

  it("keeps a heading's own tabindex", async () => {
    const { main, menu } = shell(`<h1 tabindex="-1" id="own">Hent fra sikkerhetskopi</h1>`);
    await focusPage(() => main, { from: menu });
    expect(document.activeElement?.id).toBe("own");
    expect(main.querySelector("h1")!.hasAttribute(FOCUS_MARK)).toBe(false);
  });
});

describe("findTarget and focusUnplaced", () => {
  it("tries the selectors in their order, not in the order of the page", () => {
    const { main } = shell(`<h1>Velkommen</h1><section><h2 id="recovery-panel-title">Lagre arket</h2></section>`);
    expect(findTarget(main, ["#recovery-panel-title", ...HEADING])?.id).toBe("recovery-panel-title");
    expect(findTarget(main, ["#missing", ...HEADING])?.tagName).toBe("H1");
    expect(findTarget(main, ["#missing"])).toBeNull();
  });

  it("counts focus on the origin, the body or <main> as not yet placed", () => {
    const { main, menu } = shell(`<input id="field" />`);
    expect(focusUnplaced(main, menu)).toBe(true);
    main.focus();
    expect(focusUnplaced(main, menu)).toBe(true);
    (document.activeElement as HTMLElement).blur();
    expect(focusUnplaced(main, menu)).toBe(true);
    main.querySelector<HTMLInputElement>("#field")!.focus();
    expect(focusUnplaced(main, menu)).toBe(false);
  });
});

describe("keepFocusWhileBusy", () => {
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it("gives the focus back to a button that was disabled while it worked", async () => {
    document.body.innerHTML = `<div id="root"><button id="print">Skriv ut</button><button id="other">Annet</button></div>`;
    const root = document.getElementById("root")!;
    const stop = keepFocusWhileBusy(root);
    const print = document.getElementById("print") as HTMLButtonElement;
    print.focus();
    // The browser drops the focus to the body as the button is disabled (WebKit does; jsdom
    // needs the push, and blurs only what is enabled).
    print.blur();
    print.disabled = true;
    await flush();
    expect(document.activeElement).toBe(document.body);
    print.disabled = false;
    await flush();
    expect(document.activeElement).toBe(print);
    stop();
  });

  it("leaves the focus where the user put it meanwhile", async () => {
    document.body.innerHTML = `<div id="root"><button id="print">Skriv ut</button><button id="other">Annet</button></div>`;
    const root = document.getElementById("root")!;
    const stop = keepFocusWhileBusy(root);
    const print = document.getElementById("print") as HTMLButtonElement;
    const other = document.getElementById("other") as HTMLButtonElement;
    print.focus();
    print.blur();
    print.disabled = true;
    await flush();
    other.focus();
    print.disabled = false;
    await flush();
    expect(document.activeElement).toBe(other);
    stop();
  });
});
