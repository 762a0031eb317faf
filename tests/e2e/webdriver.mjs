// A small W3C WebDriver client over fetch, and a harness that starts tauri-driver with the
// real built app on a fresh workspace. Used by the end-to-end tests in this folder.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
/** The app under test: the debug build, or `OKORT_APP` (the installed package's binary). */
export const APP = process.env.OKORT_APP || join(ROOT, "target/debug/opplevelseskort");
const OKORT = join(ROOT, "target/debug/okort");

/** Runs the okort command line against a workspace as the demo's culture office (the command
 * line logs in like the app); returns stdout. */
export function okort(workspace, ...args) {
  return okortWith({}, workspace, ...args);
}

/**
 * As `okort`, with more environment (`OKORT_KIT_PASSWORD`, or another `OKORT_USER` and
 * `OKORT_PASSWORD` for a kit's desk); returns stdout and throws when the command fails.
 */
export function okortWith(env, workspace, ...args) {
  const r = okortRun(env, workspace, ...args);
  if (r.status !== 0) throw new Error(`okort ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** As `okortWith`, for a command that may fail: returns `{ status, stdout, stderr }`. */
export function okortRun(env, workspace, ...args) {
  const all = { ...process.env, OKORT_USER: "kultur", OKORT_PASSWORD: "demo1234", ...env };
  const r = spawnSync(OKORT, ["--workspace", workspace, ...args], { encoding: "utf8", env: all });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new folder holding a workspace with the demo program, made with the okort command line
 * as `launch({ demo: true })` makes it: `{ home, workspace }`. */
export function demoWorkspace() {
  const home = mkdtempSync(join(tmpdir(), "okort-e2e-"));
  const workspace = join(home, "test.okort");
  okort(workspace, "demo");
  return { home, workspace };
}
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** WebDriver's codes of the keys a keyboard user presses (W3C WebDriver, "Keyboard actions"). */
export const KEY = {
  Tab: "\uE004",
  Enter: "\uE007",
  Shift: "\uE008",
  Escape: "\uE00C",
  Space: " ",
  End: "\uE010",
  Home: "\uE011",
  ArrowLeft: "\uE012",
  ArrowUp: "\uE013",
  ArrowRight: "\uE014",
  ArrowDown: "\uE015",
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let nextPort = 4444 + Math.floor(Math.random() * 200) * 2;

/**
 * Starts tauri-driver and the app on a new, empty workspace, or with `{ demo: true }` on a
 * workspace holding the demo program (made with the okort command line). With `{ home }`, the
 * `home` of an earlier session (closed first), the app starts again on that session's workspace
 * and settings, and waits for the login. With `{ file }`, a file made beforehand (a workspace,
 * or a venue's kit), the app starts on that file in a new home and waits for its login (the
 * workspace's or the kit's).
 */
export async function launch({ demo = false, home: again = null, file = null } = {}) {
  const home = again ?? mkdtempSync(join(tmpdir(), "okort-e2e-"));
  const workspace = file ?? join(home, "test.okort");
  if (demo && !again && !file) okort(workspace, "demo");
  const port = nextPort;
  nextPort += 2;
  const env = {
    ...process.env,
    OKORT_WORKSPACE: workspace,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
  };
  const cargoBin = join(process.env.HOME ?? "/root", ".cargo/bin");
  env.PATH = `${cargoBin}:${env.PATH}`;
  const driver = spawn(
    "tauri-driver",
    ["--port", String(port), "--native-port", String(port + 1)],
    // Its own process group, so closing ends the driver and the app it started.
    { env, stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  let driverErr = "";
  driver.stderr.on("data", (d) => (driverErr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch {
      if (i > 100) throw new Error(`tauri-driver did not start: ${driverErr}`);
      await sleep(100);
    }
  }
  const res = await call(base, "POST", "/session", {
    capabilities: { alwaysMatch: { "tauri:options": { application: APP } } },
  });
  const session = new Session(base, res.sessionId, driver, home);
  session.workspace = workspace;
  const ready = file
    ? '[data-testid="login"], [data-testid="kit-login"]'
    : demo || again
      ? '[data-testid="login"]'
      : '[data-testid="first-admin"]';
  await session.find(ready, 30_000);
  return session;
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value ?? {};
    throw new Error(`${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`);
  }
  return json.value;
}

export class Session {
  constructor(base, id, driver, home) {
    this.base = base;
    this.id = id;
    this.driver = driver;
    this.home = home;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Waits for the first element matching a CSS selector. */
  async find(css, timeout = 10_000) {
    const end = Date.now() + timeout;
    for (;;) {
      try {
        const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
        return el[ELEMENT];
      } catch (e) {
        if (Date.now() > end) throw new Error(`not found: ${css} (${e.message})`);
        await sleep(150);
      }
    }
  }

  async findAll(css) {
    const els = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return els.map((e) => e[ELEMENT]);
  }

  testid(id) {
    return `[data-testid="${id}"]`;
  }

  /**
   * Scrolls an element to the middle of the window, as a user scrolls to what they want to use:
   * clear of the sticky header and of the toast in the corner.
   */
  async reveal(el) {
    await this.run(`arguments[0].scrollIntoView({ block: "center", inline: "nearest" });`, { [ELEMENT]: el });
  }

  async click(testid) {
    await this.clickCss(this.testid(testid));
  }

  async clickCss(css) {
    const el = await this.find(css);
    await this.reveal(el);
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  async type(testid, text) {
    await this.typeCss(this.testid(testid), text);
  }

  /** Clears a field and types `text` into it; an empty `text` leaves it empty, as a user's delete would. */
  async typeCss(css, text) {
    const el = await this.find(css);
    await this.reveal(el);
    await this.cmd("POST", `/element/${el}/clear`, {});
    if (text === "") {
      await this.run(
        `arguments[0].dispatchEvent(new Event("input", { bubbles: true }));
         arguments[0].dispatchEvent(new Event("change", { bubbles: true }));`,
        { [ELEMENT]: el },
      );
    } else {
      await this.cmd("POST", `/element/${el}/value`, { text });
    }
  }

  /** Waits for the first element matching `css` whose text contains `text`. */
  async findText(css, text, timeout = 10_000) {
    const end = Date.now() + timeout;
    for (;;) {
      const el = await this.run(
        `return [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1])) ?? null;`,
        css,
        text,
      );
      if (el) return el[ELEMENT];
      if (Date.now() > end) throw new Error(`no ${css} with the text "${text}"`);
      await sleep(150);
    }
  }

  /** Clicks the first element matching `css` whose text contains `text`. */
  async clickText(css, text) {
    const el = await this.findText(css, text);
    await this.reveal(el);
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  async count(css) {
    return (await this.findAll(css)).length;
  }

  /** Waits until nothing matches `css`. */
  async gone(css, timeout = 10_000) {
    const end = Date.now() + timeout;
    while ((await this.count(css)) > 0) {
      if (Date.now() > end) throw new Error(`still there: ${css}`);
      await sleep(150);
    }
  }

  /** The texts of the field messages the user can see now. */
  visibleErrors() {
    return this.run(
      `return [...document.querySelectorAll(".field-error, .banner-error")]
         .filter((e) => e.getClientRects().length > 0)
         .map((e) => e.textContent.trim());`,
    );
  }

  /** A backend command's answer, which must succeed (for reading what is saved). */
  async backend(command, args = {}) {
    const r = await this.invokeRaw(command, args);
    if (!r.ok) throw new Error(`${command}: ${JSON.stringify(r.error)}`);
    return r.value;
  }

  /** Sets a value the way a user's change would (selects, dates), firing input and change. */
  async setValue(testid, value) {
    await this.find(this.testid(testid));
    await this.run(
      `const el = document.querySelector(arguments[0]);
       el.value = arguments[1];
       el.dispatchEvent(new Event("input", { bubbles: true }));
       el.dispatchEvent(new Event("change", { bubbles: true }));`,
      this.testid(testid),
      value,
    );
  }

  async text(css) {
    const el = await this.find(css);
    return this.cmd("GET", `/element/${el}/text`);
  }

  /** Waits until the element's text contains `expected`; returns the text. */
  async waitText(css, expected, timeout = 10_000) {
    const end = Date.now() + timeout;
    let last = "";
    for (;;) {
      try {
        last = await this.text(css);
        if (last.includes(expected)) return last;
      } catch {
        // not there yet
      }
      if (Date.now() > end) throw new Error(`${css} never contained "${expected}"; last: "${last}"`);
      await sleep(150);
    }
  }

  run(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /**
   * As `run`, for a script that awaits: `script` is the body of an async function (it may use
   * `await`, and reads its `args` as `arguments`); its result once settled is returned, and a
   * rejection is thrown here with its message. Through WebDriver's `/execute/async`, whose
   * callback is the last argument, as `run` (`/execute/sync`) does not wait for a promise in
   * every driver. The driver gives up after its script timeout (see `scriptTimeout`).
   */
  async runAsync(script, ...args) {
    const r = await this.cmd("POST", "/execute/async", {
      script: `const done = arguments[arguments.length - 1];
        const args = Array.prototype.slice.call(arguments, 0, -1);
        (async function () { ${script}\n }).apply(null, args).then(
          (value) => done({ ok: true, value: value === undefined ? null : value }),
          (e) => done({ ok: false, error: String((e && (e.stack || e.message)) || e) }),
        );`,
      args,
    });
    if (!r?.ok) throw new Error(`script failed in the page: ${r?.error}`);
    return r.value;
  }

  /** How long the driver waits for a script (`run`, `runAsync`) before it fails: `ms`. */
  scriptTimeout(ms) {
    return this.cmd("POST", "/timeouts", { script: ms });
  }

  /**
   * Presses keys on the keyboard one after another, aimed at no element: whatever has the focus
   * gets them, as with a real keyboard. A key is a name of `KEY` or a character; an array is a
   * chord (["Shift", "Tab"]).
   */
  async press(...keys) {
    const actions = [];
    for (const key of keys) {
      const chord = (Array.isArray(key) ? key : [key]).map((k) => KEY[k] ?? k);
      for (const k of chord) actions.push({ type: "keyDown", value: k });
      for (const k of [...chord].reverse()) actions.push({ type: "keyUp", value: k });
    }
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Types `text` on the keyboard into whatever has the focus. */
  keyboardType(text) {
    return this.press(...[...text]);
  }

  /** What has the focus: its test id, else its tag and the start of its text. */
  focused() {
    return this.run(
      `const e = document.activeElement;
       if (!e || e === document.body) return null;
       return e.dataset.testid || e.tagName.toLowerCase() + ":" + (e.textContent || "").trim().slice(0, 40);`,
    );
  }

  /**
   * Presses Tab (Shift+Tab with `back`) until the element with `testid` has the focus, as a
   * keyboard user moves to a control; fails after `max` presses, naming where the focus went.
   * Checks on the way that every element the focus lands on shows that it has it.
   */
  async tabTo(testid, { back = false, max = 60 } = {}) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      await this.press(back ? ["Shift", "Tab"] : "Tab");
      const now = await this.focused();
      seen.push(now);
      if (!(await this.focusShows())) throw new Error(`the focus on ${now} cannot be seen`);
      if (now === testid) return i + 1;
    }
    throw new Error(`${testid} never got the focus by ${back ? "Shift+Tab" : "Tab"}; it went: ${seen.join(" → ")}`);
  }

  /** True when the focused element shows it: an outline or a ring (box shadow) drawn round it. */
  focusShows() {
    return this.run(
      `const e = document.activeElement;
       if (!e || e === document.body) return false;
       const s = getComputedStyle(e);
       return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";`,
    );
  }

  /** Drops a file on an element as drag-and-drop from the file manager would. */
  async dropFile(testid, name, type, bytes) {
    // The zone is in sight first, as it is for a user dropping a file on it.
    await this.reveal(await this.find(this.testid(testid)));
    await this.run(
      `const [css, name, type, b64] = arguments;
       const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
       const dt = new DataTransfer();
       dt.items.add(new File([bytes], name, { type }));
       const el = document.querySelector(css);
       for (const kind of ["dragenter", "dragover", "drop"]) {
         el.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
       }`,
      this.testid(testid),
      name,
      type,
      Buffer.from(bytes).toString("base64"),
    );
  }

  /** On a new workspace: creates the culture office's administrator, who is then logged in. */
  async createAdmin() {
    await this.type("admin-username", "kultur");
    await this.type("admin-password", "hemmelig-passord");
    await this.type("admin-password2", "hemmelig-passord");
    await this.click("admin-create");
    await this.find('[data-testid="logout"]');
  }

  async login(user, password = "demo1234") {
    await this.type("login-username", user);
    await this.type("login-password", password);
    await this.click("login-submit");
    await this.find('[data-testid="logout"]');
  }

  /**
   * Calls a backend command directly, as a tampered UI could: returns {ok, value|error}. Long
   * jobs (print, import, statement) get a channel, whose events are returned as `events`.
   */
  async invokeRaw(command, args = {}, { job = false } = {}) {
    return this.cmd("POST", "/execute/async", {
      script: `const [cmd, args, job, done] = arguments;
        const events = [];
        if (job) {
          const internals = window.__TAURI_INTERNALS__;
          const id = internals.transformCallback((m) => { if (m && "message" in m) events.push(m.message); });
          args.onEvent = "__CHANNEL__:" + id;
        }
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(
          (value) => setTimeout(() => done({ ok: true, value, events }), 50),
          (error) => done({ ok: false, error, events }),
        );`,
      args: [command, args, job],
    });
  }

  /**
   * Answers the app's next save dialog with `path`, as a user choosing that file would.
   * WebDriver cannot reach the native dialog, so the page's one request to the dialog plugin
   * is answered in the page; every other command goes through as before. Tauri's IPC goes
   * through fetch (its custom protocol) or, where WebKitGTK blocks that as here, through the
   * web view's message handler: both are watched.
   */
  answerSaveDialog(path) {
    return this.answerDialog("plugin:dialog|save", path);
  }

  /**
   * Answers the app's next save dialogs with `paths`, one each, in turn: for an action that asks
   * for a second file as soon as the first is written (cards, then the letters to go with them),
   * where a second `answerSaveDialog` could come too late. Every other command goes through.
   */
  async answerSaveDialogs(...paths) {
    await this.run(
      `const [command, answers] = arguments;
       const handler = window.webkit?.messageHandlers?.ipc;
       const realPost = handler?.postMessage;
       const realFetch = window.fetch;
       const restore = () => {
         window.fetch = realFetch;
         if (handler) delete handler.postMessage;
       };
       const next = () => {
         const answer = answers.shift();
         if (answers.length === 0) restore();
         return answer;
       };
       window.fetch = function (input, init) {
         const url = typeof input === "string" ? input : input.url;
         if (!url.endsWith("/" + encodeURIComponent(command))) return realFetch.call(window, input, init);
         return Promise.resolve(new Response(JSON.stringify(next()), {
           headers: { "Content-Type": "application/json", "Tauri-Response": "ok" },
         }));
       };
       if (handler) {
         Object.defineProperty(handler, "postMessage", {
           configurable: true,
           value: function (message) {
             const m = JSON.parse(message);
             if (m.cmd !== command) return realPost.call(handler, message);
             const answer = next();
             setTimeout(() => window.__TAURI_INTERNALS__.runCallback(m.callback, answer), 0);
           },
         });
       }`,
      "plugin:dialog|save",
      paths,
    );
  }

  /** Answers the app's next open dialog (one file) with `path`, as `answerSaveDialog` does. */
  answerOpenDialog(path) {
    return this.answerDialog("plugin:dialog|open", path);
  }

  /** Answers the page's next call of the dialog plugin's `command` with `answer`. */
  async answerDialog(command, answer) {
    await this.run(
      `const [command, answer] = arguments;
       const handler = window.webkit?.messageHandlers?.ipc;
       const realPost = handler?.postMessage;
       const realFetch = window.fetch;
       const restore = () => {
         window.fetch = realFetch;
         if (handler) delete handler.postMessage;
       };
       window.fetch = function (input, init) {
         const url = typeof input === "string" ? input : input.url;
         if (!url.endsWith("/" + encodeURIComponent(command))) return realFetch.call(window, input, init);
         restore();
         return Promise.resolve(new Response(JSON.stringify(answer), {
           headers: { "Content-Type": "application/json", "Tauri-Response": "ok" },
         }));
       };
       if (handler) {
         Object.defineProperty(handler, "postMessage", {
           configurable: true,
           value: function (message) {
             const m = JSON.parse(message);
             if (m.cmd !== command) return realPost.call(handler, message);
             restore();
             setTimeout(() => window.__TAURI_INTERNALS__.runCallback(m.callback, answer), 0);
           },
         });
       }`,
      command,
      answer,
    );
  }

  async screenshot(name) {
    const dir = join(ROOT, "tests/e2e/artifacts");
    mkdirSync(dir, { recursive: true });
    await sleep(1200);
    const png = await this.cmd("GET", "/screenshot");
    writeFileSync(join(dir, `${name}.png`), Buffer.from(png, "base64"));
  }

  async close() {
    try {
      await this.cmd("DELETE", "");
    } finally {
      try {
        process.kill(-this.driver.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
