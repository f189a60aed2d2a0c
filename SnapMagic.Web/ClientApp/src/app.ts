import { ApiClient, ApiError, type RatingSource } from "./api";
import { CardFeed, type FeedMode } from "./cardFeed";
import { byId, setBusy, showText } from "./dom";
import { Login } from "./login";
import { describeError, messages } from "./messages";
import { checkPrompt, PROMPT_MAX, PROMPT_MIN } from "./prompt";
import type { Session } from "./session";
import { isFinished, newestFirst, statusRank, type CardRating, type CardView } from "./types";
import { newUuid } from "./uuid";
import { renderGalleryItem } from "./views/galleryView";
import { renderCard, renderEmpty, statusText, type ResultActions } from "./views/resultView";

/** One press of "Generate card": a retry of the same prompt reuses its Idempotency-Key. */
interface Attempt {
  prompt: string;
  key: string;
}

const modeTexts: Record<FeedMode, string> = {
  connecting: "Connecting for live updates…",
  live: "Live updates on.",
  reconnecting: "Connection lost: reconnecting, and checking your cards every 2 seconds meanwhile.",
  polling: "Live updates are unavailable here: checking your cards every 2 seconds instead.",
};

/** The attendee's page: log in, create a card, follow it live, see and download it, browse "My cards". */
export class App {
  private readonly api: ApiClient;
  private readonly login: Login;
  private feed: CardFeed | null = null;
  private readonly cards = new Map<string, CardView>();
  private currentId: string | null = null;
  private attempt: Attempt | null = null;
  private sending = false;
  private cooldownUntil = 0;
  private cooldownTimer: number | undefined;
  private galleryTimer: number | undefined;

  private readonly ui = {
    banner: byId("banner"),
    cardForm: byId<HTMLFormElement>("card-form"),
    prompt: byId<HTMLTextAreaElement>("prompt"),
    counter: byId("prompt-counter"),
    previewText: byId("preview-text"),
    previewTitle: byId("preview-title"),
    formError: byId("card-form-error"),
    generate: byId<HTMLButtonElement>("generate"),
    resultPanel: byId("result-panel"),
    resultBody: byId("result-body"),
    resultStatus: byId("result-status"),
    liveMode: byId("live-mode"),
    galleryList: byId<HTMLUListElement>("gallery-list"),
    galleryEmpty: byId("gallery-empty"),
  };

  private readonly resultActions: ResultActions = {
    retry: (card) => {
      this.ui.prompt.value = card.prompt;
      this.updateCounter();
      this.attempt = null;
      void this.submit(card.prompt);
    },
    edit: (card) => {
      this.ui.prompt.value = card.prompt;
      this.updateCounter();
      this.ui.prompt.focus();
      this.ui.prompt.select();
    },
    downloadLink: (url) => this.downloadLink(url),
    imageFailed: (card, image) => void this.reloadImage(card, image),
    resolveUrl: (url) => this.api.resolve(url),
    rate: (card, rating, source) => void this.rate(card, rating, source),
  };

  constructor(
    apiUrl: string,
    private readonly hubSkipNegotiation: boolean,
  ) {
    this.api = new ApiClient(apiUrl, () => this.session?.token ?? null);
    this.login = new Login(this.api, {
      content: byId("app-view"),
      entered: () => this.enterApp(),
      ended: () => this.forgetSession(),
    });
  }

  private get session(): Session | null {
    return this.login.session;
  }

  start(): void {
    this.ui.cardForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.generate();
    });
    this.ui.prompt.addEventListener("input", () => this.updateCounter());
    window.addEventListener("offline", () => showText(this.ui.banner, messages.offline));
    window.addEventListener("online", () => {
      showText(this.ui.banner, null);
      if (this.session) void this.loadGallery();
    });
    this.updateCounter();
    this.login.start();
  }

  // ---- While logged in --------------------------------------------------------------------

  private async enterApp(): Promise<void> {
    this.renderResult();
    this.ui.prompt.focus();
    this.feed = new CardFeed(this.api, () => this.session?.token ?? null, this.hubSkipNegotiation, {
      card: (card) => this.onCard(card),
      mode: (mode) => this.showMode(mode),
      unauthorized: () => this.login.sessionEnded(),
    });
    void this.feed.start();
    await this.loadGallery();
  }

  /** The session is over: stop following its cards and forget them. */
  private async forgetSession(): Promise<void> {
    const feed = this.feed;
    this.feed = null;
    window.clearTimeout(this.galleryTimer);
    this.cards.clear();
    this.currentId = null;
    this.attempt = null;
    this.ui.galleryList.replaceChildren();
    this.ui.prompt.value = "";
    this.updateCounter();
    showText(this.ui.formError, null);
    await feed?.stop();
  }

  // ---- Create a card ------------------------------------------------------------------------

  private updateCounter(): void {
    const length = this.ui.prompt.value.trim().length;
    this.ui.counter.textContent = `${length} / ${PROMPT_MAX}`;
    const state = length === 0 ? "empty" : length < PROMPT_MIN ? "short" : length > PROMPT_MAX ? "long" : "ok";
    this.ui.counter.dataset["state"] = state;
    const prompt = this.ui.prompt.value.trim();
    this.ui.previewText.textContent = prompt || "Your prompt becomes the card's art.";
    this.ui.previewTitle.textContent = prompt || "Your card";
    if (state === "ok" || state === "empty") {
      this.ui.prompt.removeAttribute("aria-invalid");
      if (!this.ui.formError.hidden && this.ui.formError.dataset["kind"] === "rule") showText(this.ui.formError, null);
    }
  }

  private generate(): void {
    if (this.sending) return;
    const check = checkPrompt(this.ui.prompt.value);
    if (!check.ok) {
      this.showFormError(check.message, "rule");
      this.ui.prompt.setAttribute("aria-invalid", "true");
      this.ui.prompt.focus();
      return;
    }
    if (this.cooldownUntil > Date.now()) {
      this.showCooldown();
      return;
    }
    void this.submit(check.prompt);
  }

  private async submit(prompt: string): Promise<void> {
    const session = this.session;
    if (this.sending || !session) return;
    // The same prompt after an unanswered try is the same attempt: the Api then answers with the same card.
    const attempt = this.attempt?.prompt === prompt ? this.attempt : { prompt, key: newUuid() };
    this.attempt = attempt;
    this.sending = true;
    setBusy(this.ui.generate, true, "Sending…");
    showText(this.ui.formError, null);
    try {
      const accepted = await this.api.createCard(prompt, attempt.key);
      if (this.session !== session) return;
      this.attempt = null;
      const card: CardView = this.cards.get(accepted.correlationId) ?? {
        correlationId: accepted.correlationId,
        status: "queued",
        prompt,
        createdAt: new Date().toISOString(),
        startedAt: null,
        completedAt: null,
        imageUrl: null,
        error: null,
        queuePosition: null,
        rating: null,
      };
      this.cards.set(card.correlationId, card);
      this.currentId = card.correlationId;
      this.ui.prompt.value = "";
      this.updateCounter();
      this.renderResult();
      this.renderGallery();
      this.ui.resultPanel.scrollIntoView({ block: "nearest", behavior: "smooth" });
      this.feed?.watch(card);
    } catch (error) {
      if (this.session !== session) return;
      if (error instanceof ApiError && error.kind === "unauthorized") {
        this.login.sessionEnded();
        return;
      }
      if (error instanceof ApiError && error.kind === "rateLimited") {
        if (error.retryAfterSeconds === null) {
          // The Api did not say how long: no countdown to promise.
          this.showFormError(messages.rateLimited(null), "request");
          return;
        }
        this.cooldownUntil = Date.now() + error.retryAfterSeconds * 1000;
        this.showCooldown();
        return;
      }
      if (error instanceof ApiError && error.kind === "invalid") this.attempt = null;
      const again = error instanceof ApiError && (error.kind === "network" || error.kind === "server") ? " Press “Generate card” to try again." : "";
      this.showFormError(describeError(error) + again, "request");
    } finally {
      this.sending = false;
      setBusy(this.ui.generate, false, "Generate card");
    }
  }

  /** After a 429: say how long to wait, counting down, and refuse to send until then. */
  private showCooldown(): void {
    window.clearInterval(this.cooldownTimer);
    const tick = (): void => {
      const seconds = Math.ceil((this.cooldownUntil - Date.now()) / 1000);
      if (seconds <= 0) {
        window.clearInterval(this.cooldownTimer);
        if (this.ui.formError.dataset["kind"] === "cooldown") showText(this.ui.formError, "You can make a card again now.");
        return;
      }
      this.showFormError(messages.rateLimited(seconds), "cooldown");
    };
    tick();
    this.cooldownTimer = window.setInterval(tick, 1000);
  }

  private showFormError(text: string, kind: "rule" | "request" | "cooldown"): void {
    this.ui.formError.dataset["kind"] = kind;
    showText(this.ui.formError, text);
  }

  // ---- Follow cards -------------------------------------------------------------------------

  private onCard(card: CardView): void {
    const known = this.cards.get(card.correlationId);
    if (known && statusRank(known.status) > statusRank(card.status)) return;
    this.cards.set(card.correlationId, card);
    if (card.correlationId === this.currentId) this.renderResult();
    this.renderGallery();
    // The store is the source of truth: refresh the list when a card finishes.
    if (isFinished(card.status)) {
      window.clearTimeout(this.galleryTimer);
      this.galleryTimer = window.setTimeout(() => void this.loadGallery(), 300);
    }
  }

  private async loadGallery(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      const list = await this.api.listCards();
      if (this.session !== session) return;
      for (const card of list) {
        const known = this.cards.get(card.correlationId);
        if (!known || statusRank(card.status) >= statusRank(known.status)) this.cards.set(card.correlationId, card);
      }
      if (this.currentId === null && list.length > 0) this.currentId = [...list].sort(newestFirst)[0]?.correlationId ?? null;
      this.renderGallery();
      this.renderResult();
      for (const card of this.cards.values()) this.feed?.watch(card);
      if (this.ui.banner.textContent === messages.network) showText(this.ui.banner, null);
    } catch (error) {
      if (this.session !== session) return;
      if (error instanceof ApiError && error.kind === "unauthorized") this.login.sessionEnded();
      else showText(this.ui.banner, describeError(error));
    }
  }

  private showMode(mode: FeedMode): void {
    this.ui.liveMode.dataset["mode"] = mode;
    this.ui.liveMode.textContent = modeTexts[mode];
  }

  // ---- Show cards ---------------------------------------------------------------------------

  private renderResult(): void {
    const card = this.currentId ? (this.cards.get(this.currentId) ?? null) : null;
    const shownKey = card ? `${card.correlationId}|${card.status}|${card.imageUrl}|${card.queuePosition}|${card.rating}` : "";
    if (this.ui.resultBody.dataset["shown"] === shownKey && shownKey) return;
    this.ui.resultBody.dataset["shown"] = shownKey;
    this.ui.resultBody.dataset["status"] = card?.status ?? "none";
    this.ui.resultBody.replaceChildren(card ? renderCard(card, this.resultActions) : renderEmpty());
    const text = statusText(card);
    if (this.ui.resultStatus.textContent !== text) this.ui.resultStatus.textContent = text;
  }

  private renderGallery(): void {
    const cards = [...this.cards.values()].sort(newestFirst);
    this.ui.galleryEmpty.hidden = cards.length > 0;
    const existing = new Map([...this.ui.galleryList.children].map((li) => [(li as HTMLElement).dataset["cardId"], li as HTMLElement]));
    const items = cards.map((card) => {
      const key = `${card.status}|${card.imageUrl}|${card.correlationId === this.currentId}`;
      const old = existing.get(card.correlationId);
      if (old && old.dataset["key"] === key) return old;
      const item = renderGalleryItem(card, card.correlationId === this.currentId, (url) => this.api.resolve(url), (c) => this.open(c));
      item.dataset["key"] = key;
      return item;
    });
    this.ui.galleryList.replaceChildren(...items);
  }

  private open(card: CardView): void {
    this.currentId = card.correlationId;
    this.renderResult();
    this.renderGallery();
    this.ui.resultPanel.scrollIntoView({ block: "nearest", behavior: "smooth" });
    byId("result-title").focus();
  }

  /** An image URL can expire (S3 presigns do): ask the Api for a fresh card view once. */
  private async rate(card: CardView, rating: CardRating, source: RatingSource): Promise<void> {
    const before = this.cards.get(card.correlationId) ?? card;
    // Shown at once; put back if the Api says no.
    this.cards.set(card.correlationId, { ...before, rating });
    this.renderResult();
    // The buttons were drawn anew: keep the keyboard where it was.
    this.ui.resultBody.querySelector<HTMLButtonElement>(`.rate-${rating}`)?.focus();
    try {
      await this.api.rateCard(card.correlationId, rating, source);
      this.ui.resultStatus.textContent = statusText(this.cards.get(card.correlationId) ?? { ...before, rating });
    } catch (error) {
      this.cards.set(card.correlationId, before);
      this.renderResult();
      if (error instanceof ApiError && error.kind === "unauthorized") return this.login.sessionEnded();
      this.ui.resultStatus.textContent = describeError(error);
    }
  }

  private async reloadImage(card: CardView, image: HTMLImageElement): Promise<void> {
    try {
      const fresh = await this.api.getCard(card.correlationId);
      if (fresh.imageUrl && fresh.imageUrl !== card.imageUrl) {
        this.cards.set(fresh.correlationId, fresh);
        image.src = this.api.resolve(fresh.imageUrl);
        return;
      }
    } catch {
      // Reported below.
    }
    if (card.correlationId === this.currentId) this.ui.resultStatus.textContent = messages.imageMissing;
  }

  /**
   * The Api serves its own image links as attachments named snapmagic-card-xxxx.png when asked with
   * `download=1`. A link elsewhere (an S3 presigned URL, whose signature a new parameter would break)
   * is presigned as such an attachment already, so it is used as it is.
   */
  private downloadLink(url: string): string {
    const link = new URL(url);
    if (link.origin !== new URL(this.api.baseUrl).origin) return url;
    link.searchParams.set("download", "1");
    return link.toString();
  }
}
