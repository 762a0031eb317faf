// The app opens again at the size and place its window was left (tauri-plugin-window-state):
// the window is moved and resized through WebDriver, as a user drags it, the app is ended the
// hard way (the driver kills it, as a crash or a power cut would), and started again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./webdriver.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("the window opens again at the size and place it was left", async () => {
  const first = await launch();
  const home = first.home;
  const wanted = { x: 60, y: 40, width: 1000, height: 700 };
  try {
    await first.createAdmin();
    const start = await first.cmd("GET", "/window/rect");
    assert.notEqual(start.width, wanted.width, `the test must change the size: ${JSON.stringify(start)}`);
    await first.cmd("POST", "/window/rect", wanted);
    const moved = await first.cmd("GET", "/window/rect");
    assert.deepEqual(
      [moved.width, moved.height],
      [wanted.width, wanted.height],
      `the window took the new size: ${JSON.stringify(moved)}`,
    );
    // Saved a moment after the window stands still, without waiting for the app to close.
    const file = join(home, "config", "no.opplevelseskort.app", ".window-state.json");
    const end = Date.now() + 10_000;
    let saved = null;
    while (Date.now() < end) {
      if (existsSync(file)) {
        saved = JSON.parse(readFileSync(file, "utf8")).main ?? null;
        if (saved?.width === wanted.width && saved?.height === wanted.height) break;
      }
      await sleep(200);
    }
    assert.equal(saved?.width, wanted.width, `saved: ${JSON.stringify(saved)}`);
    assert.equal(saved?.height, wanted.height, `saved: ${JSON.stringify(saved)}`);
  } finally {
    await first.close();
  }

  const again = await launch({ home });
  try {
    const rect = await again.cmd("GET", "/window/rect");
    assert.deepEqual(
      { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      wanted,
      "the window is where it was left, at the size it had",
    );
  } finally {
    await again.close();
  }
});
