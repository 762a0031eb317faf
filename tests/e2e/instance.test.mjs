// One window per workspace: the app started again on a workspace it already has open ends at
// once (the first one's window comes to the front); started on another workspace it runs
// beside it. On Linux this goes through the session's D-Bus, so the three starts run in one
// D-Bus session of their own (dbus-run-session), as on a desktop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP } from "./webdriver.mjs";

test("a second start on the same workspace ends, a start on another runs beside it", () => {
  const home = mkdtempSync(join(tmpdir(), "okort-instance-"));
  try {
    const same = join(home, "kontor.okort");
    const other = join(home, "annet.okort");
    // The first start on `same`; the second on `same` must end by itself well within its 30 s;
    // the third, on `other`, must still be running after a while.
    const script = `
      "$APP" "$SAME" & first=$!
      sleep 8
      timeout 30 "$APP" "$SAME"; second=$?
      "$APP" "$OTHER" & third=$!
      sleep 8
      kill -0 $first 2>/dev/null && echo first=running
      kill -0 $third 2>/dev/null && echo third=running
      echo second=$second
      kill $first $third 2>/dev/null
      wait 2>/dev/null
      true`;
    const out = execFileSync("dbus-run-session", ["--", "bash", "-c", script], {
      encoding: "utf8",
      env: { ...process.env, HOME: home, APP, SAME: same, OTHER: other, OKORT_WORKSPACE: "" },
      timeout: 90_000,
    });
    assert.match(out, /second=0\b/, `the second start ended by itself: ${out}`);
    assert.match(out, /first=running/, out);
    assert.match(out, /third=running/, `another workspace runs beside it: ${out}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
