// The app's Tauri configuration (src-tauri/tauri.conf.json) checked against the schema of the
// installed Tauri CLI, so the installer settings for Linux, Windows and macOS cannot rot unseen:
// Windows and macOS installers are not built on these machines (see the README).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "ui/package.json"));
const Ajv = require("ajv");
const config = JSON.parse(readFileSync(join(root, "src-tauri/tauri.conf.json"), "utf8"));
const schema = JSON.parse(readFileSync(require.resolve("@tauri-apps/cli/config.schema.json"), "utf8"));

test("tauri.conf.json is valid against the Tauri CLI's own schema", () => {
  // The schema's patterns are written for JavaScript without the `u` flag (`\:`); its number
  // formats (uint32, double) are Rust's, which ajv does not know.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(config), JSON.stringify(validate.errors, null, 2));
  // And the check can fail: a wrong WebView2 mode is caught.
  const broken = structuredClone(config);
  broken.bundle.windows.webviewInstallMode = { type: "sometimes" };
  assert.equal(validate(broken), false);
});

test("the bundle is for Linux, Windows and macOS, with every icon there", () => {
  const bundle = config.bundle;
  assert.equal(bundle.targets, "all");
  for (const icon of bundle.icon) assert.ok(existsSync(join(root, "src-tauri", icon)), icon);
  const icons = bundle.icon.join(" ");
  assert.ok(icons.includes(".ico") && icons.includes(".icns") && icons.includes("32x32.png"));
  assert.equal(bundle.windows.webviewInstallMode.type, "downloadBootstrapper");
  assert.ok(bundle.linux.deb.depends.join(" ").includes("webkit2gtk-4.1"));
  assert.ok(bundle.publisher);
  assert.equal(bundle.license, "MIT");
  // Tauri's own category names (Apple's); "Productivity" is "Office" in the Linux desktop entry.
  // The schema takes any text here, but the bundler refuses a name it does not know.
  assert.equal(bundle.category, "Productivity");
  assert.ok(existsSync(join(root, "src-tauri", bundle.licenseFile)));
});

test("a workspace file (.okort) opens the app", () => {
  const association = config.bundle.fileAssociations.find((a) => a.ext.includes("okort"));
  assert.equal(association?.mimeType, "application/x-opplevelseskort");
});
