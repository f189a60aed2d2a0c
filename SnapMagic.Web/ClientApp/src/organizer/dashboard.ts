import { ApiClient, ApiError } from "../api";
import { byId, h, showText } from "../dom";
import { Login } from "../login";
import { describeError } from "../messages";
import { organizerKey } from "../session";
import { toCardList, type CardView } from "../types";
import { thumbIcon } from "../views/thumbIcon";
import { DashboardCharts } from "./charts";
import { toSummary, type FeedbackSummary, type Summary } from "./summary";

const refreshMs = 5_000;
const csvFileName = "snapmagic-cards.csv";
const feedbackCsvFileName = "snapmagic-feedback.csv";
const sentimentNames = { positive: "Positive", neutral: "Neutral", negative: "Negative" } as const;

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
    downloadFeedback: byId<HTMLButtonElement>("download-feedback-csv"),
    transcripts: byId<HTMLUListElement>("transcripts"),
    transcriptsEmpty: byId("transcripts-empty"),
    sentimentBar: byId("sentiment-bar"),
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
    this.ui.download.addEventListener("click", () => void this.downloadCsv(this.ui.download, "/api/organizer/cards.csv", csvFileName));
    this.ui.downloadFeedback.addEventListener("click", () =>
      void this.downloadCsv(this.ui.downloadFeedback, "/api/organizer/feedback.csv", feedbackCsvFileName));
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

    const { button, gesture } = summary.ratingsBySource;
    set("ratings-button-up", wholeNumber.format(button.up));
    set("ratings-button-down", wholeNumber.format(button.down));
    set("ratings-gesture-up", wholeNumber.format(gesture.up));
    set("ratings-gesture-down", wholeNumber.format(gesture.down));

    const animations = summary.animations;
    set("kpi-animations", wholeNumber.format(animations.completed));
    set("kpi-animations-note", `of ${wholeNumber.format(animations.requested)} requested · ${wholeNumber.format(animations.failed)} failed`);
    set("animations-requested", wholeNumber.format(animations.requested));
    set("animations-completed", wholeNumber.format(animations.completed));
    set("animations-failed", wholeNumber.format(animations.failed));
    set("animations-cost", `${money.format(animations.estimatedCost)} (${money.format(animations.pricePerVideo)} each)`);
    const video = animations.budget;
    const limits = [
      video.perHour > 0 ? `${wholeNumber.format(video.usedThisHour)} of ${wholeNumber.format(video.perHour)} this hour` : null,
      video.daily > 0 ? `${wholeNumber.format(video.usedToday)} of ${wholeNumber.format(video.daily)} today` : null,
    ].filter((part): part is string => part !== null);
    set("animations-budget", limits.length > 0 ? limits.join(" · ") : "No limit set");

    this.renderFeedback(summary.feedback);
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

  private renderFeedback(feedback: FeedbackSummary): void {
    const set = (id: string, value: string): void => {
      byId(id).textContent = value;
    };
    const share = (value: number | null): string => (value === null ? "–" : `${Math.round(value * 100)}%`);
    set("kpi-feedback", wholeNumber.format(feedback.received));
    set("kpi-feedback-note", `${wholeNumber.format(feedback.spoken)} spoken · ${wholeNumber.format(feedback.typed)} typed`);
    set("feedback-count", wholeNumber.format(feedback.received));
    set("feedback-positive", `${share(feedback.positiveShare)} (${wholeNumber.format(feedback.positive)})`);
    set("feedback-neutral", `${share(feedback.neutralShare)} (${wholeNumber.format(feedback.neutral)})`);
    set("feedback-negative", `${share(feedback.negativeShare)} (${wholeNumber.format(feedback.negative)})`);
    set("feedback-not-transcribed", wholeNumber.format(feedback.notTranscribed));
    const [positive, neutral, negative] = [...this.ui.sentimentBar.children] as HTMLElement[];
    positive?.style.setProperty("--share", `${(feedback.positiveShare ?? 0) * 100}%`);
    neutral?.style.setProperty("--share", `${(feedback.neutralShare ?? 0) * 100}%`);
    negative?.style.setProperty("--share", `${(feedback.negativeShare ?? 0) * 100}%`);

    this.ui.transcriptsEmpty.hidden = feedback.latest.length > 0;
    this.ui.transcripts.replaceChildren(...feedback.latest.map((answer) => {
      const at = new Date(answer.at);
      const time = Number.isNaN(at.getTime()) ? "" : at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      return h("li", { class: "transcript" },
        h("span", {}, answer.text),
        h("span", { class: "transcript-meta" },
          h("span", { class: "transcript-sentiment", "data-sentiment": answer.sentiment ?? "" }, answer.sentiment ? sentimentNames[answer.sentiment] : "Not scored"),
          ` · ${answer.kind === "spoken" ? "spoken" : "typed"}${time ? ` · ${time}` : ""}`));
    }));
  }

  private async downloadCsv(button: HTMLButtonElement, path: string, fileName: string): Promise<void> {
    button.setAttribute("aria-busy", "true");
    try {
      const blob = await this.api.getBlob(path);
      const url = URL.createObjectURL(blob);
      const link = h("a", { href: url, download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      if (error instanceof ApiError && error.kind === "unauthorized") return this.login.sessionEnded();
      showText(this.ui.banner, describeError(error));
    } finally {
      button.removeAttribute("aria-busy");
    }
  }
}
