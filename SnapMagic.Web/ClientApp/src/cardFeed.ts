import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { ApiError, type ApiClient } from "./api";
import { feedbackRank, isFeedbackFinished, toFeedbackView, type FeedbackView } from "./feedback/feedbackTypes";
import { isSettled, progressRank, toCardView, type CardView } from "./types";

/** How the page currently learns about card changes. */
export type FeedMode = "connecting" | "live" | "reconnecting" | "polling";

export interface CardFeedEvents {
  card(card: CardView): void;
  feedback(feedback: FeedbackView): void;
  mode(mode: FeedMode): void;
  unauthorized(): void;
}

const pollIntervalMs = 2_000;
/**
 * While live, a card nothing was heard of for this long is asked for once (GET), and again every as long: a push the
 * Api could not send (its Redis backplane down, say) must not leave a card "processing" on the page for good.
 */
const overdueAfterMs = 20_000;
const reconnectDelaysMs = [0, 2_000, 5_000, 10_000, 20_000, 30_000];
const restartDelaysMs = [5_000, 10_000, 20_000, 30_000];

/**
 * Keeps every unfinished card of the page up to date. Live over SignalR (`Subscribe(correlationId)`
 * returns a snapshot, then `CardUpdated` pushes); while the WebSocket is down it polls
 * GET /api/cards/{id} every 2 s. After a reconnect it subscribes again to every unfinished card and
 * takes the returned snapshot, so a card finished while the connection was away still shows. Even live, a card
 * not heard of for 20 s is read once more, and every 20 s after, until it finishes. A finished card whose animation
 * is on its way (issue 22) is followed the same way until the animation is done, and so is the attendee's spoken or
 * typed feedback (issue 23: `SubscribeFeedback`, `FeedbackUpdated`, GET /api/feedback/{id}).
 */
export class CardFeed {
  private readonly connection: HubConnection;
  /** Unsettled cards this page waits for, with the furthest progress seen ({@link progressRank}). */
  private readonly watched = new Map<string, number>();
  /** When each watched card was last heard of (a push, a snapshot or a read), in `Date.now()` milliseconds. */
  private readonly heardAt = new Map<string, number>();
  /** Unfinished feedback this page waits for, with the furthest status seen, and when it was last heard of. */
  private readonly watchedFeedback = new Map<string, number>();
  private readonly feedbackHeardAt = new Map<string, number>();
  private overdueTimer: number | undefined;
  private pollTimer: number | undefined;
  private restartTimer: number | undefined;
  private restartAttempt = 0;
  private stopped = false;

  constructor(
    private readonly api: ApiClient,
    token: () => string | null,
    skipNegotiation: boolean,
    private readonly events: CardFeedEvents,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl(`${api.baseUrl}/hubs/cards`, {
        accessTokenFactory: () => token() ?? "",
        // Bearer tokens, no cookies: a cross-origin Api then needs no credentialed CORS.
        withCredentials: false,
        // Api replicas without sticky sessions: straight to a WebSocket (any replica takes it); without one, poll.
        ...(skipNegotiation ? { skipNegotiation: true, transport: HttpTransportType.WebSockets } : {}),
      })
      .withAutomaticReconnect(reconnectDelaysMs)
      .configureLogging(LogLevel.None)
      .build();

    this.connection.on("CardUpdated", (raw: unknown) => {
      const card = toCardView(raw);
      if (card) this.accept(card);
    });
    this.connection.on("FeedbackUpdated", (raw: unknown) => {
      const feedback = toFeedbackView(raw);
      if (feedback) this.acceptFeedback(feedback);
    });
    this.connection.onreconnecting(() => {
      this.events.mode("reconnecting");
      this.schedulePoll();
    });
    this.connection.onreconnected(() => {
      this.events.mode("live");
      this.resubscribeAll();
    });
    this.connection.onclose(() => {
      if (this.stopped) return;
      this.events.mode("polling");
      this.schedulePoll();
      this.scheduleRestart();
    });
  }

  get isLive(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  async start(): Promise<void> {
    this.events.mode("connecting");
    this.overdueTimer = window.setInterval(() => void this.readOverdue(), overdueAfterMs);
    await this.connect();
  }

  /** Follows a card until it is completed or failed, and its animation too when it has one on the way. */
  watch(card: CardView): void {
    if (this.stopped || isSettled(card)) return;
    const known = this.watched.get(card.correlationId);
    this.watched.set(card.correlationId, Math.max(known ?? -1, progressRank(card)));
    this.heardAt.set(card.correlationId, Date.now());
    if (this.isLive) void this.subscribe(card.correlationId);
    else this.schedulePoll();
  }

  /** Follows the attendee's feedback until it is completed or failed. */
  watchFeedback(feedbackId: string): void {
    if (this.stopped || this.watchedFeedback.has(feedbackId)) return;
    this.watchedFeedback.set(feedbackId, -1);
    this.feedbackHeardAt.set(feedbackId, Date.now());
    if (this.isLive) void this.subscribeFeedback(feedbackId);
    else this.schedulePoll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watched.clear();
    this.heardAt.clear();
    this.watchedFeedback.clear();
    this.feedbackHeardAt.clear();
    window.clearTimeout(this.pollTimer);
    window.clearInterval(this.overdueTimer);
    window.clearTimeout(this.restartTimer);
    await this.connection.stop().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    try {
      await this.connection.start();
      if (this.stopped) {
        await this.connection.stop();
        return;
      }
      this.restartAttempt = 0;
      this.events.mode("live");
      this.resubscribeAll();
    } catch (error) {
      if (this.stopped) return;
      if (isUnauthorized(error)) {
        this.events.unauthorized();
        return;
      }
      // No WebSocket (proxy, firewall, Api down): poll, and try the hub again later.
      this.events.mode("polling");
      this.schedulePoll();
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    window.clearTimeout(this.restartTimer);
    const delay = restartDelaysMs[Math.min(this.restartAttempt, restartDelaysMs.length - 1)] ?? 30_000;
    this.restartAttempt++;
    this.restartTimer = window.setTimeout(() => {
      if (!this.stopped && this.connection.state === HubConnectionState.Disconnected) void this.connect();
    }, delay);
  }

  private resubscribeAll(): void {
    for (const id of this.watched.keys()) void this.subscribe(id);
    for (const id of this.watchedFeedback.keys()) void this.subscribeFeedback(id);
  }

  private async subscribeFeedback(feedbackId: string): Promise<void> {
    try {
      const feedback = toFeedbackView(await this.connection.invoke("SubscribeFeedback", feedbackId));
      if (feedback) this.acceptFeedback(feedback);
    } catch {
      if (!this.stopped) this.schedulePoll();
    }
  }

  private acceptFeedback(feedback: FeedbackView): void {
    const seen = this.watchedFeedback.get(feedback.feedbackId);
    if (seen === undefined) return;
    this.feedbackHeardAt.set(feedback.feedbackId, Date.now());
    const rank = feedbackRank(feedback.status);
    if (rank < seen) return;
    if (isFeedbackFinished(feedback.status)) {
      this.watchedFeedback.delete(feedback.feedbackId);
      this.feedbackHeardAt.delete(feedback.feedbackId);
    } else this.watchedFeedback.set(feedback.feedbackId, rank);
    this.events.feedback(feedback);
  }

  private async subscribe(correlationId: string): Promise<void> {
    try {
      const card = toCardView(await this.connection.invoke("Subscribe", correlationId));
      if (card) this.accept(card);
    } catch {
      // The hub refused or the connection dropped: the store is the source of truth, ask it.
      if (!this.stopped) this.schedulePoll();
    }
  }

  private accept(card: CardView): void {
    const seen = this.watched.get(card.correlationId);
    if (seen === undefined) {
      // Not (or no longer) watched: a late duplicate of a finished card, or someone else's push.
      return;
    }
    this.heardAt.set(card.correlationId, Date.now());
    const rank = progressRank(card);
    if (rank < seen) return;
    if (isSettled(card)) this.forget(card.correlationId);
    else this.watched.set(card.correlationId, rank);
    this.events.card(card);
  }

  private schedulePoll(): void {
    if (this.pollTimer !== undefined || this.stopped) return;
    this.pollTimer = window.setTimeout(() => void this.poll(), pollIntervalMs);
  }

  private forget(correlationId: string): void {
    this.watched.delete(correlationId);
    this.heardAt.delete(correlationId);
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    if (this.stopped || this.watched.size + this.watchedFeedback.size === 0) return;
    if (!(await this.read([...this.watched.keys()]))) return;
    if (!(await this.readFeedback([...this.watchedFeedback.keys()]))) return;
    if (this.watched.size + this.watchedFeedback.size === 0) return;
    // Live again: subscribe and let the pushes take over (a failed subscribe polls once more).
    if (this.isLive) this.resubscribeAll();
    else this.schedulePoll();
  }

  /** Live only (otherwise the 2 s polling reads every card): the cards nothing was heard of for too long. */
  private async readOverdue(): Promise<void> {
    if (this.stopped || !this.isLive) return;
    const now = Date.now();
    const overdue = [...this.watched.keys()].filter((id) => now - (this.heardAt.get(id) ?? 0) >= overdueAfterMs);
    if (overdue.length > 0 && !(await this.read(overdue))) return;
    const overdueFeedback = [...this.watchedFeedback.keys()].filter((id) => now - (this.feedbackHeardAt.get(id) ?? 0) >= overdueAfterMs);
    if (overdueFeedback.length > 0) await this.readFeedback(overdueFeedback);
  }

  /** GET /api/feedback/{id} for each; false when the session is no longer valid (the page is told). */
  private async readFeedback(feedbackIds: string[]): Promise<boolean> {
    for (const id of feedbackIds) {
      try {
        this.acceptFeedback(await this.api.getFeedback(id));
      } catch (error) {
        if (error instanceof ApiError && error.kind === "unauthorized") {
          this.events.unauthorized();
          return false;
        }
        if (error instanceof ApiError && error.kind === "notFound") {
          this.watchedFeedback.delete(id);
          this.feedbackHeardAt.delete(id);
        }
      }
    }
    return true;
  }

  /** GET /api/cards/{id} for each card; false when the session is no longer valid (the page is told). */
  private async read(correlationIds: string[]): Promise<boolean> {
    for (const id of correlationIds) {
      try {
        this.accept(await this.api.getCard(id));
      } catch (error) {
        if (error instanceof ApiError && error.kind === "unauthorized") {
          this.events.unauthorized();
          return false;
        }
        if (error instanceof ApiError && error.kind === "notFound") this.forget(id);
        // Network trouble: the next round tries again.
      }
    }
    return true;
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof Error && /\b401\b|unauthori[sz]ed/i.test(error.message);
}
