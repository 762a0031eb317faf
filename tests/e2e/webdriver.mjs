// A small W3C WebDriver client over fetch, and a harness that starts tauri-driver with the
// real built app on a fresh workspace. Used by the end-to-end tests in this folder.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
export const APP = join(ROOT, "target/debug/opplevelseskort");
const OKORT = join(ROOT, "target/debug/okort");

/** Runs the okort command line against a workspace; returns stdout. */
export function okort(workspace, ...args) {
  const r = spawnSync(OKORT, ["--workspace", workspace, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`okort ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let nextPort = 4444 + Math.floor(Math.random() * 200) * 2;

/**
 * Starts tauri-driver and the app on a new, empty workspace, or with `{ demo: true }` on a
 * workspace holding the demo program (made with the okort command line).
 */
export async function launch({ demo = false } = {}) {
  const home = mkdtempSync(join(tmpdir(), "okort-e2e-"));
  const workspace = join(home, "test.okort");
  if (demo) okort(workspace, "demo");
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
  await session.find(demo ? '[data-testid="login"]' : '[data-testid="first-admin"]', 30_000);
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

  async click(testid) {
    const el = await this.find(this.testid(testid));
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  async clickCss(css) {
    const el = await this.find(css);
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  async type(testid, text) {
    const el = await this.find(this.testid(testid));
    await this.cmd("POST", `/element/${el}/clear`, {});
    await this.cmd("POST", `/element/${el}/value`, { text });
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

  /** Drops a file on an element as drag-and-drop from the file manager would. */
  async dropFile(testid, name, type, bytes) {
    await this.find(this.testid(testid));
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

  /** Calls a backend command directly, as a tampered UI could: returns {ok, value|error}. */
  async invokeRaw(command, args = {}) {
    return this.cmd("POST", "/execute/async", {
      script: `const [cmd, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(cmd, args)
          .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
      args: [command, args],
    });
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
