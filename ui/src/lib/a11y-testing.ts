// For the component tests: axe-core run on what a test rendered in jsdom, with the WCAG 2.0
// and 2.1 rules of levels A and AA the end-to-end test (tests/e2e/a11y.test.mjs) runs in the
// real app. jsdom lays nothing out and draws nothing, so the rules that need that are left to
// the end-to-end test: colour contrast, scrolling boxes, and a label's visible text within the
// accessible name (see `labelInName` for that one here).
import axe from "axe-core";

export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const NEEDS_LAYOUT = ["color-contrast", "scrollable-region-focusable", "label-content-name-mismatch"];

/** axe-core's violations in `root` (the whole document by default), one line each with where. */
export async function axeViolations(root: Element | Document = document): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: "tag", values: WCAG_AA },
    rules: Object.fromEntries(NEEDS_LAYOUT.map((id) => [id, { enabled: false }])),
    resultTypes: ["violations"],
  });
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Letters and digits of `s` in lower case, words separated by one space. */
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The buttons and links in `root` whose `aria-label` does not hold their visible text (WCAG
 * 2.5.3 Label in Name: a voice user says what they see), as "visible text → aria-label".
 */
export function labelInName(root: ParentNode = document): string[] {
  return [...root.querySelectorAll<HTMLElement>("button[aria-label], a[aria-label], [role='button'][aria-label]")]
    .filter((el) => {
      const visible = words(el.textContent ?? "");
      return visible !== "" && !words(el.getAttribute("aria-label") ?? "").includes(visible);
    })
    .map((el) => `${(el.textContent ?? "").trim()} → ${el.getAttribute("aria-label")}`);
}
