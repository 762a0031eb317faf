import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/svelte";
import FirstAdmin from "../session/FirstAdmin.svelte";
import Field from "./Field.svelte";

afterEach(cleanup);

describe("Field", () => {
  it("labels its input, and ties the error to it only while there is one", async () => {
    const { rerender } = render(Field, {
      props: { label: "Navn", field: "name", errors: {}, "data-testid": "name", value: "Ada" },
    });
    const input = screen.getByLabelText("Navn") as HTMLInputElement;
    expect(input.dataset.testid).toBe("name");
    expect(input.value).toBe("Ada");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBeNull();
    expect(screen.queryByTestId("error-name")).toBeNull();

    await rerender({ label: "Navn", field: "name", errors: { name: "Må fylles ut" }, "data-testid": "name", value: "" });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("error-name");
    expect(document.getElementById("error-name")?.textContent).toBe("Må fylles ut");
  });

  it("describes its input with its hint", () => {
    render(FirstAdmin, { props: { onCreated: () => {} } });
    const password = screen.getByTestId("admin-password");
    const hint = document.getElementById(password.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toContain("minst 8 tegn");
  });

  it("marks an optional field", () => {
    render(Field, { props: { label: "Fra", optional: true, "data-testid": "from" } });
    expect(screen.getByTestId("from").closest("label")?.textContent?.trim()).toBe("Fra (valgfritt)");
  });
});
