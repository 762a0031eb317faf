// The colours of app.css against WCAG 2.1's contrast minimums, computed from the style sheet
// itself (jsdom cannot, and axe-core in the real app checks text only): 4.5:1 for text, 3:1
// for what identifies a control (a field's edge) and for the keyboard's focus ring (1.4.11).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// (Read from the file: Vitest hands a style sheet imported here over empty.)
const here = decodeURIComponent(import.meta.url.replace(/^file:\/\//, ""));
const css = readFileSync(here.replace(/lib\/contrast\.test\.ts$/, "app.css"), "utf8");
const root = css.match(/:root\s*\{([^}]*)\}/)![1];
const vars = new Map([...root.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

type Rgb = [number, number, number];

/** A colour of the style sheet: `#rrggbb`, `white`, `black`, `var(--x)` or `color-mix(in srgb, A p%, B)`. */
function colour(value: string): Rgb {
  const v = value.trim();
  if (v === "white") return [255, 255, 255];
  if (v === "black") return [0, 0, 0];
  const hex = v.match(/^#([0-9a-f]{6})$/i);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as Rgb;
  const ref = v.match(/^var\(--([\w-]+)\)$/);
  if (ref) return colour(vars.get(ref[1]) ?? `missing --${ref[1]}`);
  const mix = v.match(/^color-mix\(in srgb,\s*(.+?)\s+(\d+)%,\s*(.+)\)$/);
  if (mix) {
    const [a, p, b] = [colour(mix[1]), Number(mix[2]) / 100, colour(mix[3])];
    return a.map((x, i) => x * p + b[i] * (1 - p)) as Rgb;
  }
  throw new Error(`not a colour here: ${v}`);
}

const luminance = (c: Rgb) => {
  const [r, g, b] = c.map((x) => {
    const s = x / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

function ratio(a: string, b: string): number {
  const [x, y] = [luminance(colour(a)), luminance(colour(b))].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The light surfaces text and controls stand on. */
const SURFACES = ["var(--surface)", "var(--surface-2)", "var(--bg)", "var(--primary-soft)", "var(--accent-soft)", "var(--danger-bg)", "var(--success-bg)"];

describe("the colours of app.css", () => {
  it("give text 4.5:1 or more on the surfaces it is set on", () => {
    const pairs: [string, string][] = [
      ["var(--text)", "var(--surface)"],
      ["var(--muted)", "var(--surface)"],
      ["var(--muted)", "var(--surface-2)"],
      ["var(--muted)", "var(--bg)"],
      ["var(--muted)", "var(--primary-soft)"],
      ["var(--muted)", "var(--accent-soft)"],
      ["var(--muted)", "#eceae6"], // a closed year's badge
      ["var(--primary)", "var(--surface)"],
      ["var(--primary)", "var(--primary-soft)"],
      ["white", "var(--primary)"], // the top bar, primary buttons
      ["var(--danger)", "var(--danger-bg)"],
      ["var(--danger)", "var(--surface)"],
      ["var(--success)", "var(--success-bg)"],
      ["#7a5500", "var(--accent-soft)"], // warnings, printed cards
      ["#5c4000", "var(--accent-soft)"], // the desk banner
      ["var(--text)", "var(--accent)"], // the chosen language
      ["white", "#1d2430"], // the toast
    ];
    for (const [fg, bg] of pairs) expect(ratio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it("give the edge of a field and the focus ring 3:1 or more against every light surface", () => {
    for (const bg of SURFACES) {
      expect(ratio("var(--control-border)", bg), `field edge on ${bg}`).toBeGreaterThanOrEqual(3);
      expect(ratio("var(--focus-ring)", bg), `focus ring on ${bg}`).toBeGreaterThanOrEqual(3);
    }
    // On the top bar the ring is light instead.
    expect(ratio("var(--focus-ring-on-primary)", "var(--primary)")).toBeGreaterThanOrEqual(3);
    // Inside the chosen language's button (the accent), the ring is the text colour.
    expect(ratio("var(--text)", "var(--accent)")).toBeGreaterThanOrEqual(3);
    expect(css).toMatch(/\.topbar \.lang button\.active:focus-visible \{ outline-color: var\(--text\); \}/);
    expect(css).toMatch(/\.topbar :focus-visible \{ outline-color: var\(--focus-ring-on-primary\); \}/);
    expect(css).toMatch(/border: 1px solid var\(--control-border\)/);
  });

  it("keep the sidebar's menu readable, its chosen item and focus ring plain to see", () => {
    // The sidebar is the plain surface; the menu's colours are these rules of the style sheet.
    expect(css).toMatch(/\.sidebar \{[^}]*background: var\(--surface\);/);
    expect(css).toMatch(/\.nav-item \{[^}]*color: var\(--text\);/);
    expect(css).toMatch(/\.nav-item:hover:not\(:disabled\) \{ background: var\(--primary-soft\); \}/);
    expect(css).toMatch(/\.nav-item\.active:hover:not\(:disabled\) \{ background: var\(--primary\); color: white;/);
    expect(css).toMatch(/\.nav-group-label \{[^}]*color: var\(--muted\);/);
    const text: [string, string][] = [
      ["var(--text)", "var(--surface)"], // an item
      ["var(--text)", "var(--primary-soft)"], // an item under the pointer
      ["var(--muted)", "var(--surface)"], // a group's label
      ["white", "var(--primary)"], // the chosen item
    ];
    for (const [fg, bg] of text) expect(ratio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // The chosen item's fill against the sidebar, and the focus ring against it (1.4.11).
    expect(ratio("var(--primary)", "var(--surface)")).toBeGreaterThanOrEqual(3);
    expect(ratio("var(--focus-ring)", "var(--surface)")).toBeGreaterThanOrEqual(3);
  });

  it("show the skip link plainly when it has the focus: its text, and its ring on the link and the top bar", () => {
    const link = css.match(/\.skip-link \{([^}]*)\}/)![1];
    const focused = css.match(/\.skip-link:focus \{([^}]*)\}/)![1];
    const back = link.match(/background: (#[0-9a-f]{6});/i)![1];
    expect(link).toMatch(/color: white;/);
    expect(ratio("white", back)).toBeGreaterThanOrEqual(4.5);
    expect(focused).toMatch(/outline: 3px solid var\(--focus-ring-on-primary\);/);
    // The ring lies between the link and a dark edge of the link's own colour.
    expect(focused).toContain(`box-shadow: 0 0 0 6px ${back};`);
    expect(ratio("var(--focus-ring-on-primary)", back)).toBeGreaterThanOrEqual(3);
    expect(ratio("var(--focus-ring-on-primary)", "var(--primary)")).toBeGreaterThanOrEqual(3);
  });

  it("keep the file menu's text readable when the pointer is over it", () => {
    const hover = css.match(/\.menu-button:hover:not\(:disabled\) \{ background: rgba\(255, 255, 255, ([\d.]+)\); \}/);
    const alpha = Number(hover![1]);
    const bg = colour("var(--primary)").map((x) => 255 * alpha + x * (1 - alpha));
    const hex = `#${bg.map((x) => Math.round(x).toString(16).padStart(2, "0")).join("")}`;
    expect(ratio("white", hex)).toBeGreaterThanOrEqual(4.5);
  });
});
