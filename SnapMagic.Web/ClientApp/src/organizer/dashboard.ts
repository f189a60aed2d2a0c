import { ApiClient, ApiError } from "../api";
import { byId, h, showText } from "../dom";
import { Login } from "../login";
import { describeError } from "../messages";
import { organizerKey } from "../session";
import { toCardList, type CardView } from "../types";
import { thumbIcon } from "../views/thumbIcon";
import { DashboardCharts } from "./charts";
import { toSummary, type Summary } from "./summary";

const refreshMs = 5_000;
const csvFileName = "snapmagic-cards.csv";

const wholeNumber = new Intl.NumberFormat();
const seconds = (value: number | null): string => (value === null ? "–" : `${value.toFixed(value < 10 ? 1 : 0)} s`);

/** The organizer's dashboard: log in, figures and charts refreshed every few seconds, latest cards, CSV download. */
export class Dashboard {
  private readonly api: ApiClient;
  private readonly login: Login;
  private charts: DashboardCharts | null = null;
  private timer: number | undefined;
  private refreshing = false;

  private readonly ui = {
    banner: byId("banner"),
    updated: byId("updated"),
    download: byId<HTMLButtonElement>("download-csv"),
    words: byId<HTMLOListElement>("words"),
    wordsEmpty: byId("words-empty"),
    failures: byId<HTMLUListElement>("failures"),
    failuresEmpty: byId("failures-empty"),
    deadLetters: byId("dead-letters"),
    latest: byId<HTMLUListElement>("latest"),
    latestEmpty: byId("latest-empty"),
  };

  constructor(apiUrl: string) {
    this.api = new ApiClient(apiUrl, () => this.login.session?.token ?? null);
    this.login = new Login(this.api, {
      storageKey: organizerKey,
      organizerOnly: true,
      content: byId("dashboard"),
      entered: () => this.enter(),
      ended: () => window.clearInterval(this.timer),
    });
  }

  start(): void {
    this.ui.download.addEventListener("click", () => void this.downloadCsv());
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden && this.login.session) void this.refresh();
    });
    this.login.start();
  }

  private enter(): void {
    this.charts ??= new DashboardCharts(byId<HTMLCanvasElement>("cpm-chart"), byId<HTMLCanvasElement>("ttc-chart"));
    void this.refresh();
    window.clearInterval(this.timer);
    this.timer = window.setInterval(() => {
      if (!document.hidden) void this.refresh();
    }, refreshMs);
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const [summary, latest] = await Promise.all([this.api.getJson("/api/organizer/summary"), this.api.getJson("/api/organizer/cards/latest")]);
      this.render(toSummary(summary), toCardList(latest));
      showText(this.ui.banner, null);
    } catch (error) {
      if (error instanceof ApiError && (error.kind === "unauthorized" || error.kind === "invalid")) return this.login.sessionEnded();
      showText(this.ui.banner, describeError(error));
    } finally {
      this.refreshing = false;
    }
  }

  private render(summary: Summary, latest: CardView[]): void {
    const set = (id: string, value: string): void => {
      byId(id).textContent = value;
    };
    const money = new Intl.NumberFormat(undefined, { style: "currency", currency: summary.currency });
    set("kpi-completed", wholeNumber.format(summary.completed));
    set("kpi-accepted", `of ${wholeNumber.format(summary.accepted)} accepted`);
    set("kpi-success", summary.successRate === null ? "–" : `${Math.round(summary.successRate * 1000) / 10}%`);
    set("kpi-failed", `${wholeNumber.format(summary.failed)} failed`);
    set("kpi-ttc", seconds(summary.timeToCard.p50));
    set("kpi-ttc95", `p95 ${seconds(summary.timeToCard.p95)} · wait p50 ${seconds(summary.queueWait.p50)}`);
    set("kpi-queue", summary.queueDepth === null ? "–" : wholeNumber.format(summary.queueDepth));
    set("kpi-processing", `${wholeNumber.format(summary.processing)} being painted`);
    byId("kpi-ratings").replaceChildren(
      thumbIcon("up"), h("span", { "data-rating": "up" }, wholeNumber.format(summary.ratings.up)),
      thumbIcon("down"), h("span", { "data-rating": "down" }, wholeNumber.format(summary.ratings.down)));
    const rated = summary.ratings.up + summary.ratings.down;
    set("kpi-rated", `${wholeNumber.format(rated)} ${rated === 1 ? "card" : "cards"} rated, thumbs up and down`);
    set("kpi-cost", money.format(summary.estimatedModelCost));
    const { daily, usedToday } = summary.budget;
    const budget = daily > 0 ? ` · ${wholeNumber.format(usedToday)} of ${wholeNumber.format(daily)} cards today` : "";
    set("kpi-price", `${money.format(summary.pricePerImage)} per image${budget}`);

    this.charts?.update(summary);
    this.ui.words.replaceChildren(...summary.topWords.map((w) =>
      h("li", { class: "word" }, w.word, h("span", { class: "word-count" }, wholeNumber.format(w.count)))));
    this.ui.wordsEmpty.hidden = summary.topWords.length > 0;
    this.ui.failures.replaceChildren(...summary.failuresByReason.map((f) =>
      h("li", { class: "failure" }, h("span", {}, f.reason), h("span", { class: "failure-count" }, wholeNumber.format(f.count)))));
    this.ui.failuresEmpty.hidden = summary.failuresByReason.length > 0;
    showText(this.ui.deadLetters, summary.deadLetters ? `${wholeNumber.format(summary.deadLetters)} in the dead-letter queue.` : null);
    this.renderLatest(latest);

    const at = new Date(summary.generatedAt);
    this.ui.updated.textContent = `Updated ${Number.isNaN(at.getTime()) ? "just now" : at.toLocaleTimeString()} · refreshes every ${refreshMs / 1000} s`;
  }

  private renderLatest(cards: CardView[]): void {
    this.ui.latestEmpty.hidden = cards.length > 0;
    this.ui.latest.replaceChildren(...cards.map((card) => {
      const image = card.imageUrl
        ? h("img", { src: this.api.resolve(card.imageUrl), alt: `Card: ${card.prompt}`, loading: "lazy", decoding: "async" })
        : null;
      const done = card.completedAt ? new Date(card.completedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
      const rating = card.rating
        ? h("span", { class: "latest-rating", role: "img", "aria-label": card.rating === "up" ? "Rated thumbs up" : "Rated thumbs down" }, thumbIcon(card.rating))
        : null;
      return h("li", { "data-card-id": card.correlationId },
        h("figure", { class: "latest-card" }, image,
          h("figcaption", {}, card.prompt),
          h("div", { class: "latest-meta" }, h("span", {}, done), rating)));
    }));
  }

  private async downloadCsv(): Promise<void> {
    this.ui.download.setAttribute("aria-busy", "true");
    try {
      const blob = await this.api.getBlob("/api/organizer/cards.csv");
      const url = URL.createObjectURL(blob);
      const link = h("a", { href: url, download: csvFileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      if (error instanceof ApiError && error.kind === "unauthorized") return this.login.sessionEnded();
      showText(this.ui.banner, describeError(error));
    } finally {
      this.ui.download.removeAttribute("aria-busy");
    }
  }
}
