import { describe, expect, it, vi } from "vitest";
import { reveal } from "./actions";

function message(top: number) {
  const el = document.createElement("p");
  el.getBoundingClientRect = () => ({ top, bottom: top + 20 }) as DOMRect;
  el.scrollIntoView = vi.fn();
  document.body.append(el);
  return el;
}

describe("reveal", () => {
  it("brings a message that appears above the window into view, and again when it changes", async () => {
    const el = message(-300);
    const action = reveal(el, "first");
    await Promise.resolve();
    expect(el.scrollIntoView).toHaveBeenCalledTimes(1);
    action.update("second");
    await Promise.resolve();
    expect(el.scrollIntoView).toHaveBeenCalledTimes(2);
    action.update("second");
    await Promise.resolve();
    expect(el.scrollIntoView).toHaveBeenCalledTimes(2);
  });

  it("leaves a message that is already in view where it is", async () => {
    const el = message(100);
    reveal(el, "shown");
    await Promise.resolve();
    expect(el.scrollIntoView).not.toHaveBeenCalled();
  });
});
