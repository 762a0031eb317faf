// Not a test: takes screenshots of every screen of the demo for a person to look at.
// Run: xvfb-run -a node tests/e2e/tour.mjs  (after building the app and okort)
import { launch } from "./webdriver.mjs";

const app = await launch({ demo: true });
try {
  await app.screenshot("tour-login");
  await app.login("kultur");
  for (const screen of ["program", "years", "venues", "import", "cards", "letters", "lookup", "users", "audit"]) {
    await app.click(`nav-${screen}`);
    await app.screenshot(`tour-admin-${screen}`);
  }
  await app.click("logout");
  await app.login("nav");
  for (const screen of ["holders", "cards", "reassess"]) {
    await app.click(`nav-${screen}`);
    await app.screenshot(`tour-nav-${screen}`);
  }
} finally {
  await app.close();
}
