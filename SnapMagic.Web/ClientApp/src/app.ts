import { ApiClient, ApiError, type RatingSource } from "./api";
import { FeedbackPanel } from "./feedback/feedbackPanel";
import { CardFeed, type FeedMode } from "./cardFeed";
import { byId, setBusy, showText } from "./dom";
import { Login } from "./login";
import { describeError, messages } from "./messages";
import { checkPrompt, PROMPT_MAX, PROMPT_MIN } from "./prompt";
import type { Session } from "./session";
import { isSettled, newestFirst, progressRank, type CardRating, type CardView } from "./types";
import { newUuid } from "./uuid";
import { renderGalleryItem } from "./views/galleryView";
import { animationRefusalText, animationStatusText, keepElapsedTimesCurrent } from "./views/animationView";
import { renderCard, renderEmpty, statusText, updateAnimation, type ResultActions } from "./views/resultView";

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
  /** Cards whose "Animate" is on its way to the Api, and the last refusal of each card's "Animate", in words. */
  private readonly animationSending = new Set<string>();
  private readonly animationProblems = new Map<string, string>();
  private readonly feedback: FeedbackPanel;

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
    animationStatus: byId("animation-status"),
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
    animate: (card) => void this.animate(card),
    animationFailed: (card) => void this.reloadAnimation(card),
    animationRequest: (card) => ({ sending: this.animationSending.has(card.correlationId) }),
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
    this.feedback = new FeedbackPanel(this.api, {
      follow: (feedbackId) => this.feed?.watchFeedback(feedbackId),
      unauthorized: () => this.login.sessionEnded(),
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
    this.feedback.start();
    this.login.start();
  }

  // ---- While logged in --------------------------------------------------------------------

  private async enterApp(): Promise<void> {
    this.renderResult();
    this.ui.prompt.focus();
    this.feed = new CardFeed(this.api, () => this.session?.token ?? null, this.hubSkipNegotiation, {
      card: (card) => this.onCard(card),
      feedback: (feedback) => this.feedback.show(feedback),
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
    this.animationSending.clear();
    this.animationProblems.clear();
    this.feedback.reset();
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
        ratingSource: null,
        animation: null,
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
    if (known && progressRank(known) > progressRank(card)) return;
    this.cards.set(card.correlationId, card);
    if (card.correlationId === this.currentId) this.renderResult();
    this.renderGallery();
    // The store is the source of truth: refresh the list when a card settles.
    if (isSettled(card) && (!known || progressRank(known) < progressRank(card))) {
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
        if (!known || progressRank(card) >= progressRank(known)) this.cards.set(card.correlationId, card);
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
    const animation = card?.animation;
    const animationKey = `${animation?.status}|${animation?.videoUrl}|${card && this.animationSending.has(card.correlationId)}`;
    const body = this.ui.resultBody;
    const sameCard = body.dataset["shown"] === shownKey && !!shownKey;
    let hadFocus = false;
    if (!sameCard || body.dataset["animation"] !== animationKey) {
      // Keep the keyboard where it was: "Animate" gives way to the animation's status line (below, once it has text).
      hadFocus = body.contains(document.activeElement) && !!document.activeElement?.classList.contains("animate-button");
      if (!(sameCard && card && updateAnimation(body, card, this.resultActions))) {
        body.replaceChildren(card ? renderCard(card, this.resultActions) : renderEmpty());
      }
      body.dataset["shown"] = shownKey;
      body.dataset["animation"] = animationKey;
      body.dataset["status"] = card?.status ?? "none";
      body.dataset["animationStatus"] = animation?.status ?? "none";
      if (animation?.status === "queued" || animation?.status === "processing") keepElapsedTimesCurrent();
    }
    const text = statusText(card);
    if (this.ui.resultStatus.textContent !== text) this.ui.resultStatus.textContent = text;
    const animationText = animationStatusText(card, card ? (this.animationProblems.get(card.correlationId) ?? null) : null);
    if (this.ui.animationStatus.textContent !== animationText) this.ui.animationStatus.textContent = animationText;
    this.ui.animationStatus.dataset["state"] = card && this.animationProblems.has(card.correlationId) ? "refused" : (animation?.status ?? "none");
    if (hadFocus && !body.contains(document.activeElement)) {
      (body.querySelector<HTMLElement>(".animate-button") ?? this.ui.animationStatus).focus();
    }
  }

  /** "Animate": POST /api/cards/{id}/animation; its progress then comes with the card's own pushes (or reads). */
  private async animate(card: CardView): Promise<void> {
    const id = card.correlationId;
    if (this.animationSending.has(id) || this.cards.get(id)?.animation) return;
    this.animationSending.add(id);
    this.animationProblems.delete(id);
    this.renderResult();
    const session = this.session;
    try {
      await this.api.requestAnimation(id);
      if (this.session !== session) return;
      const known = this.cards.get(id) ?? card;
      // Accepted: queued until the card's next view says more (a push, or the snapshot of the subscription).
      const queued: CardView = known.animation
        ? known
        : { ...known, animation: { status: "queued", requestedAt: new Date().toISOString(), completedAt: null, videoUrl: null, videoContentType: null, error: null } };
      this.cards.set(id, queued);
      this.feed?.watch(queued);
    } catch (error) {
      if (this.session !== session) return;
      if (error instanceof ApiError && error.kind === "unauthorized") return this.login.sessionEnded();
      this.animationProblems.set(id, describeAnimationRefusal(error));
    } finally {
      this.animationSending.delete(id);
      if (this.session === session) this.renderResult();
    }
  }

  /** The animation's link did not load (a presigned URL expires): read the card again, once. */
  private async reloadAnimation(card: CardView): Promise<void> {
    try {
      const fresh = await this.api.getCard(card.correlationId);
      if (fresh.animation?.videoUrl && fresh.animation.videoUrl !== card.animation?.videoUrl) {
        this.cards.set(fresh.correlationId, fresh);
        this.renderResult();
        return;
      }
    } catch {
      // Said below.
    }
    if (card.correlationId === this.currentId) this.ui.animationStatus.textContent = "The animation could not be loaded. Please try again in a moment.";
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
    this.cards.set(card.correlationId, { ...before, rating, ratingSource: source });
    this.renderResult();
    // The buttons were drawn anew: keep the keyboard where it was.
    this.ui.resultBody.querySelector<HTMLButtonElement>(`.rate-${rating}`)?.focus();
    try {
      await this.api.rateCard(card.correlationId, rating, source);
      this.ui.resultStatus.textContent = statusText(this.cards.get(card.correlationId) ?? { ...before, rating, ratingSource: source });
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

function describeAnimationRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return animationRefusalText("other", null, null);
  if (error.kind === "rateLimited") return animationRefusalText("rateLimited", error.retryAfterSeconds, error.detail);
  if (error.kind === "notFound") return animationRefusalText("notFound", null, error.detail);
  if (error.status === 503) return animationRefusalText("unavailable", error.retryAfterSeconds, error.detail);
  if (error.kind === "invalid") return animationRefusalText("other", null, error.detail);
  return describeError(error);
}
