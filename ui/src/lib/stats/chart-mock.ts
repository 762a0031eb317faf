// Chart.js cannot draw in jsdom: a stand-in for the tests of the screens with charts, which
// keeps each chart made with its canvas and configuration in `drawn`. In a test file:
//   vi.mock("chart.js", async () => (await import("../stats/chart-mock")).chartModule);
import { vi } from "vitest";

export type Drawn = { canvas: HTMLCanvasElement; config: any; destroyed: boolean };

/** Every chart made since the last `drawn.length = 0`. */
export const drawn: Drawn[] = [];

class Chart {
  static register = vi.fn();
  static defaults = { font: {} as Record<string, unknown> };
  private entry: Drawn;
  constructor(canvas: HTMLCanvasElement, config: unknown) {
    this.entry = { canvas, config, destroyed: false };
    drawn.push(this.entry);
  }
  destroy() {
    this.entry.destroyed = true;
  }
}

const part = {};

/** The parts of chart.js the app imports. */
export const chartModule = {
  Chart,
  BarController: part,
  BarElement: part,
  LineController: part,
  LineElement: part,
  PointElement: part,
  CategoryScale: part,
  LinearScale: part,
  Legend: part,
  Tooltip: part,
};
