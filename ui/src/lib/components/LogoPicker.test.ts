import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import LogoPicker from "./LogoPicker.svelte";

afterEach(() => cleanup());

/** A real 1×1 PNG. */
const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const png = () => new File([bytes(PNG_1x1)], "logo.png", { type: "image/png" });

function choose(label: RegExp, file: File) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  return fireEvent.change(input);
}

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
    await choose(/Våpen: Velg fil/, png());
    expect((await screen.findByTestId("program-arms-error")).textContent).toBe("Filen er ikke et bilde.");
  });

  const refused: [string, () => File, string][] = [
    ["a text file named .png", () => new File(["Dette er ikke et bilde"], "logo.png", { type: "image/png" }), "«logo.png» er ikke et bilde. Velg en PNG-, JPEG- eller SVG-fil."],
    ["a PDF", () => new File(["%PDF-1.7\n"], "brev.pdf", { type: "application/pdf" }), "«brev.pdf» er ikke et bilde. Velg en PNG-, JPEG- eller SVG-fil."],
    ["a broken SVG", () => new File(['<svg xmlns="http://www.w3.org/2000/svg"><g></svg'], "vaapen.svg", { type: "image/svg+xml" }), "«vaapen.svg» ser ut som et bilde, men kan ikke leses – filen kan være skadet."],
    ["an empty file", () => new File([], "tom.png", { type: "image/png" }), "«tom.png» er tom. Velg en PNG-, JPEG- eller SVG-fil."],
  ];
  for (const [what, file, message] of refused) {
    it(`refuses ${what} at once, naming the file, and sends nothing`, async () => {
      const onUpload = vi.fn(async () => {});
      render(LogoPicker, { props: { testid: "venue-logo", label: "Logo", src: null, onUpload, onRemove: async () => {} } });
      await choose(/Logo: Velg fil/, file());
      expect((await screen.findByTestId("venue-logo-error")).textContent).toBe(message);
      expect(onUpload).not.toHaveBeenCalled();
      expect(screen.queryByTestId("venue-logo-preview")).toBeNull();
    });
  }

  it("refuses a PNG the browser cannot decode", async () => {
    const broken = new File([bytes(PNG_1x1).slice(0, 20)], "skadet.png", { type: "image/png" });
    vi.stubGlobal("createImageBitmap", vi.fn(async () => Promise.reject(new Error("decode failed"))));
    try {
      const onUpload = vi.fn(async () => {});
      render(LogoPicker, { props: { testid: "venue-logo", label: "Logo", src: null, onUpload, onRemove: async () => {} } });
      await choose(/Logo: Velg fil/, broken);
      expect((await screen.findByTestId("venue-logo-error")).textContent).toContain("«skadet.png» ser ut som et bilde");
      expect(onUpload).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("accepts an SVG that parses", async () => {
    const onUpload = vi.fn(async () => {});
    render(LogoPicker, { props: { testid: "venue-logo", label: "Logo", src: null, onUpload, onRemove: async () => {} } });
    const svg = new File(['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'], "logo.svg", { type: "image/svg+xml" });
    await choose(/Logo: Velg fil/, svg);
    await waitFor(() => expect(onUpload).toHaveBeenCalledWith(expect.stringMatching(/^data:image\/svg\+xml;base64,/)));
    expect(screen.queryByTestId("venue-logo-error")).toBeNull();
  });
});
