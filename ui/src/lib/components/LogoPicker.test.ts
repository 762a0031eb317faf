import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import LogoPicker from "./LogoPicker.svelte";

afterEach(() => cleanup());

const png = () => new File([new Uint8Array([137, 80, 78, 71])], "logo.png", { type: "image/png" });

describe("LogoPicker", () => {
  it("uploads a dropped file as a data URL", async () => {
    const onUpload = vi.fn(async () => {});
    render(LogoPicker, { props: { testid: "venue-logo", label: "Logo", src: null, onUpload, onRemove: async () => {} } });
    const ev = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(ev, "dataTransfer", { value: { files: [png()] } });
    screen.getByTestId("venue-logo-drop").dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    await waitFor(() => expect(onUpload).toHaveBeenCalledWith(expect.stringMatching(/^data:image\/png;base64,/)));
  });

  it("shows the backend's refusal and the current image", async () => {
    const onUpload = vi.fn(async () => {
      throw { code: "image", message: "Filen er ikke et bilde.", fields: [], rows: [] };
    });
    render(LogoPicker, {
      props: { testid: "program-arms", label: "Våpen", src: "data:image/png;base64,AA==", onUpload, onRemove: async () => {} },
    });
    expect(screen.getByTestId("program-arms-preview")).toBeTruthy();
    const input = screen.getByLabelText(/Våpen: Velg fil/) as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [png()], configurable: true });
    await fireEvent.change(input);
    expect((await screen.findByTestId("program-arms-error")).textContent).toBe("Filen er ikke et bilde.");
  });
});
