// Chart.js with only what the statistics draw: bars and a line on category and value axes,
// with legend and tooltips. Registering these alone keeps the rest of Chart.js out of the build.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import type { ChartData } from "./stats";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Draws `config` on `canvas` in the page's font; the caller destroys it. */
export function drawChart(canvas: HTMLCanvasElement, config: ChartData): { destroy(): void } {
  const defaults = Chart.defaults;
  if (defaults && typeof getComputedStyle === "function") {
    const family = getComputedStyle(canvas).fontFamily;
    if (family) defaults.font.family = family;
  }
  const still = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (still) config = { ...config, options: { ...config.options, animation: false } };
  return new Chart(canvas, config);
}
