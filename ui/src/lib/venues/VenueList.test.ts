import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { Venue } from "../api";
import VenueList from "./VenueList.svelte";

function venue(id: number, name: string, extra: Partial<Venue> = {}): Venue {
  return {
    id,
    name,
    category: "other",
    address: "",
    contactPerson: "",
    phone: "",
    email: "",
    orgNumber: "",
    bankAccount: "",
    logoId: null,
    active: true,
    staffNote: "",
    ...extra,
  };
}

const venues: Venue[] = [
  venue(1, "Kulturhuset kino", { category: "cinema", address: "Storgata 1", orgNumber: "974760673", logoId: 9 }),
  venue(2, "Badeland", { category: "swimming", contactPerson: "Kari Nordmann" }),
  venue(3, "Dansestudio", { category: "courseDance", address: "Kinoveien 4", active: false }),
];

beforeEach(() => {
  mockIPC((cmd) => (cmd === "get_image" ? "data:image/png;base64,iVBORw0KGgo=" : null));
});
afterEach(() => {
  cleanup();
  clearMocks();
});

const names = () => screen.getAllByTestId("venue-row").map((r) => r.querySelector("button")?.textContent);

describe("VenueList", () => {
  it("lists venues sorted by name and shows formatted org numbers", () => {
    render(VenueList, { props: { venues, onOpen: () => {} } });
    expect(names()).toEqual(["Badeland", "Dansestudio", "Kulturhuset kino"]);
    expect(screen.getAllByTestId("venue-row")[2].textContent).toContain("974 760 673");
  });

  it("filters by search text over name, address, contact and org number", async () => {
    render(VenueList, { props: { venues, onOpen: () => {} } });
    const search = screen.getByTestId("venue-search");
    await fireEvent.input(search, { target: { value: "kino" } });
    expect(names()).toEqual(["Dansestudio", "Kulturhuset kino"]);
    await fireEvent.input(search, { target: { value: "kari" } });
    expect(names()).toEqual(["Badeland"]);
    await fireEvent.input(search, { target: { value: "974 760" } });
    expect(names()).toEqual(["Kulturhuset kino"]);
    await fireEvent.input(search, { target: { value: "ingenting" } });
    expect(screen.queryAllByTestId("venue-row")).toHaveLength(0);
  });

  it("filters by category and sorts by column", async () => {
    render(VenueList, { props: { venues, onOpen: () => {} } });
    const select = screen.getByTestId("venue-filter-category");
    await fireEvent.change(select, { target: { value: "swimming" } });
    expect(names()).toEqual(["Badeland"]);
    await fireEvent.change(select, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("sort-name"));
    expect(names()).toEqual(["Kulturhuset kino", "Dansestudio", "Badeland"]);
    await fireEvent.click(screen.getByTestId("sort-active"));
    expect(names()?.at(-1)).toBe("Dansestudio");
  });

  it("opens a venue when its row is clicked and loads logos", async () => {
    const onOpen = vi.fn();
    render(VenueList, { props: { venues, onOpen } });
    await fireEvent.click(screen.getAllByTestId("venue-row")[0]);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
    await waitFor(() => expect(document.querySelector("img.thumb")?.getAttribute("src")).toMatch(/^data:image\/png/));
  });
});
