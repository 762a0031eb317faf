import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import ReasonForm from "./ReasonForm.svelte";

afterEach(cleanup);

const ids = { input: "why", error: "why-error", confirm: "ok", cancel: "no" };

describe("ReasonForm", () => {
  it("refuses an empty reason itself and hands on the written one trimmed", async () => {
    const given: string[] = [];
    render(ReasonForm, { props: { label: "Begrunnelse", confirmLabel: "Trekk tilbake", ids, onconfirm: (r: string) => given.push(r), oncancel: () => {} } });
    await fireEvent.click(screen.getByTestId("ok"));
    expect(screen.getByTestId("why-error").textContent).toBe("Må fylles ut");
    expect(screen.getByLabelText(/Begrunnelse/).getAttribute("aria-invalid")).toBe("true");
    expect(given).toEqual([]);
    await fireEvent.input(screen.getByTestId("why"), { target: { value: "  Feilregistrert " } });
    await fireEvent.keyDown(screen.getByTestId("why"), { key: "Enter" });
    expect(given).toEqual(["Feilregistrert"]);
    expect(screen.queryByTestId("why-error")).toBeNull();
  });

  it("goes ahead without an optional reason, and asks a plain question without one", async () => {
    const given: string[] = [];
    render(ReasonForm, { props: { label: "Unntak", optional: true, confirmLabel: "Tildel", ids: { input: "why", confirm: "ok" }, onconfirm: (r: string) => given.push(r) } });
    await fireEvent.click(screen.getByTestId("ok"));
    expect(given).toEqual([""]);
    expect(screen.queryByTestId("no")).toBeNull();
    cleanup();

    let cancelled = false;
    render(ReasonForm, { props: { ask: false, label: "Melde kortet tapt?", confirmLabel: "Ja", ids, onconfirm: (r: string) => given.push(r), oncancel: () => (cancelled = true) } });
    expect(screen.queryByTestId("why")).toBeNull();
    expect(screen.getByText("Melde kortet tapt?")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("ok"));
    await fireEvent.click(screen.getByTestId("no"));
    expect(given).toEqual(["", ""]);
    expect(cancelled).toBe(true);
  });
});
