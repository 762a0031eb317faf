import { describe, expect, it } from "vitest";
import { backupReason, copyFileName, withOkortExtension } from "./backups";

describe("copyFileName", () => {
  it("names the copy after the workspace and the date", () => {
    expect(copyFileName("/home/kari/eksempel-kommune-demo.okort", "2026-12-02")).toBe(
      "eksempel-kommune-demo-2026-12-02.okort",
    );
  });
  it("reads Windows paths too", () => {
    expect(copyFileName("C:\\Users\\kari\\program.okort", "2026-01-05")).toBe("program-2026-01-05.okort");
  });
  it("falls back to the app's name when the workspace has none", () => {
    expect(copyFileName("", "2026-01-05")).toBe("opplevelseskort-2026-01-05.okort");
  });
});

describe("withOkortExtension", () => {
  it("adds .okort to a name typed without it", () => {
    expect(withOkortExtension("/tmp/kopi")).toBe("/tmp/kopi.okort");
  });
  it("keeps a name that has it, in any case", () => {
    expect(withOkortExtension("/tmp/kopi.okort")).toBe("/tmp/kopi.okort");
    expect(withOkortExtension("/tmp/KOPI.OKORT")).toBe("/tmp/KOPI.OKORT");
  });
});

describe("backupReason", () => {
  it("tells the copy kept before a restore and the one before an upgrade", () => {
    expect(backupReason("demo-20261202-060342-before-restore.okort")).toBe("backup.beforeRestore");
    expect(backupReason("demo-20261202-060342-schema3.okort")).toBe("backup.beforeUpgrade");
  });
  it("says nothing of the day's automatic copy", () => {
    expect(backupReason("demo-20261202-060342.okort")).toBeNull();
  });
});
