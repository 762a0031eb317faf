import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { tick } from "svelte";
import ConfirmDialog from "./ConfirmDialog.svelte";

afterEach(() => {
  cleanup();
  document.body.innerHTML = "";
});

const props = (extra: Record<string, unknown> = {}) => ({
  title: "Gjenopprette?",
  confirmLabel: "Gjenopprett",
  testid: "d",
  onconfirm: () => {},
  oncancel: () => {},
  ...extra,
});

describe("ConfirmDialog", () => {
  it("starts on Cancel and keeps Tab and Shift+Tab inside, also as WebKitGTK sends Shift+Tab", async () => {
    render(ConfirmDialog, { props: props() });
    await tick();
    const cancel = screen.getByTestId("d-cancel");
    const confirm = screen.getByTestId("d-confirm");
    expect(document.activeElement).toBe(cancel);
    confirm.focus();
    await fireEvent.keyDown(confirm, { key: "Tab", code: "Tab" });
    expect(document.activeElement).toBe(cancel);
    // WebKitGTK's Shift+Tab: key "Unidentified", code "Tab".
    await fireEvent.keyDown(cancel, { key: "Unidentified", code: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it("brings focus that lands outside back in, and gives it back when closed", async () => {
    const outside = document.createElement("button");
    outside.textContent = "Fil";
    document.body.append(outside);
    const opener = document.createElement("button");
    opener.textContent = "Gjenopprett…";
    document.body.append(opener);
    opener.focus();
    const { unmount } = render(ConfirmDialog, { props: props() });
    await tick();
    outside.focus();
    expect(screen.getByTestId("d").contains(document.activeElement)).toBe(true);
    unmount();
    expect(document.activeElement).toBe(opener);
  });

  it("gives the focus to `returnTo` when what opened it is gone", async () => {
    const menu = document.createElement("button");
    menu.textContent = "Fil";
    document.body.append(menu);
    const item = document.createElement("button");
    document.body.append(item);
    item.focus();
    const { unmount } = render(ConfirmDialog, { props: props({ returnTo: menu }) });
    await tick();
    item.remove();
    unmount();
    expect(document.activeElement).toBe(menu);
  });
});
