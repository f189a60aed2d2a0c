import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import type { Summary } from "./summary";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const gold = "#f2c14e";
const teal = "#5ee6c8";
const grid = "rgba(201, 194, 236, 0.14)";
const ink = "#c9c2ec";

Chart.defaults.color = ink;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.animation = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : { duration: 400 };

function minuteLabel(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

const axes = {
  x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
  y: { beginAtZero: true, grid: { color: grid }, ticks: { precision: 0 } },
};

/** The two charts of the dashboard; each canvas says what it shows in data-* attributes (for tests and tools). */
export class DashboardCharts {
  private readonly perMinute: Chart<"bar", number[], string>;
  private readonly timeToCard: Chart<"bar", (number | null)[], string>;

  constructor(private readonly perMinuteCanvas: HTMLCanvasElement, private readonly timeToCardCanvas: HTMLCanvasElement) {
    this.perMinute = new Chart(perMinuteCanvas, {
      type: "bar",
      data: { labels: [], datasets: [{ label: "Cards", data: [], backgroundColor: gold, borderRadius: 4, maxBarThickness: 18 }] },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: axes },
    });
    this.timeToCard = new Chart(timeToCardCanvas, {
      type: "bar",
      data: {
        labels: ["Queue wait", "Time to card"],
        datasets: [
          { label: "p50", data: [], backgroundColor: teal, borderRadius: 6 },
          { label: "p95", data: [], backgroundColor: gold, borderRadius: 6 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
        scales: { x: axes.x, y: { beginAtZero: true, grid: { color: grid }, title: { display: true, text: "seconds" } } },
      },
    });
  }

  update(summary: Summary): void {
    const minutes = summary.cardsPerMinute;
    this.perMinute.data.labels = minutes.map((m) => minuteLabel(m.minute));
    this.perMinute.data.datasets[0]!.data = minutes.map((m) => m.count);
    this.perMinute.update();
    this.perMinuteCanvas.dataset["total"] = String(minutes.reduce((sum, m) => sum + m.count, 0));
    this.perMinuteCanvas.dataset["points"] = String(minutes.length);

    const { queueWait, timeToCard } = summary;
    this.timeToCard.data.datasets[0]!.data = [queueWait.p50, timeToCard.p50];
    this.timeToCard.data.datasets[1]!.data = [queueWait.p95, timeToCard.p95];
    this.timeToCard.update();
    this.timeToCardCanvas.dataset["p50"] = String(timeToCard.p50 ?? "");
    this.timeToCardCanvas.dataset["p95"] = String(timeToCard.p95 ?? "");
  }

  destroy(): void {
    this.perMinute.destroy();
    this.timeToCard.destroy();
  }
}
