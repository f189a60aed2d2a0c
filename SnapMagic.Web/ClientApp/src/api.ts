import { toFeedbackAccepted, toFeedbackView, type FeedbackAccepted, type FeedbackView } from "./feedback/feedbackTypes";
import { toCardList, toCardView, type CardAccepted, type CardRating, type CardView, type LoginResponse, type RatingSource } from "./types";

export type { RatingSource } from "./types";

export type ApiErrorKind = "network" | "unauthorized" | "rateLimited" | "invalid" | "notFound" | "server";

/** A failed Api call, already sorted into what the attendee needs to know. Never carries a stack to the page. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    /** The ProblemDetails detail (or title) of a 4xx answer: written for people by the Api. */
    readonly detail: string | null = null,
    /** Seconds to wait after a 429 (or a 503 that says). */
    readonly retryAfterSeconds: number | null = null,
    /** The HTTP status, when there was an answer: tells 413 from 415 where the page words them apart. */
    readonly status: number | null = null,
  ) {
    super(kind);
    this.name = "ApiError";
  }
}

const requestTimeoutMs = 15_000;

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - now) / 1000));
}

async function problemText(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { detail?: unknown; title?: unknown };
    const text = typeof body.detail === "string" && body.detail ? body.detail : typeof body.title === "string" ? body.title : null;
    return text ? text.slice(0, 400) : null;
  } catch {
    return null;
  }
}

/** The browser's side of the public contract (issue 2): login, create, read and list cards. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: () => string | null,
  ) {}

  /** Turns a URL the Api gave (absolute or relative to the Api) into one the browser can load. */
  resolve(url: string): string {
    return new URL(url, `${this.baseUrl}/`).toString();
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const body = await this.send("POST", "/api/auth/login", { username, password }, {}, false);
    const result = body as Partial<LoginResponse>;
    if (typeof result.token !== "string" || typeof result.expiresIn !== "number") throw new ApiError("server");
    return {
      token: result.token,
      expiresIn: result.expiresIn,
      sessionId: typeof result.sessionId === "string" ? result.sessionId : "",
      role: typeof result.role === "string" ? result.role : "attendee",
    };
  }

  async createCard(prompt: string, idempotencyKey: string): Promise<CardAccepted> {
    const body = (await this.send("POST", "/api/cards", { prompt }, { "Idempotency-Key": idempotencyKey })) as Partial<CardAccepted>;
    if (typeof body.correlationId !== "string") throw new ApiError("server");
    return { correlationId: body.correlationId, status: typeof body.status === "string" ? body.status : "queued" };
  }

  async getCard(correlationId: string): Promise<CardView> {
    const card = toCardView(await this.send("GET", `/api/cards/${encodeURIComponent(correlationId)}`));
    if (!card) throw new ApiError("server");
    return card;
  }

  async listCards(): Promise<CardView[]> {
    return toCardList(await this.send("GET", "/api/cards"));
  }

  async rateCard(correlationId: string, rating: CardRating, source: RatingSource): Promise<void> {
    await this.send("PUT", `/api/cards/${encodeURIComponent(correlationId)}/rating`, { rating, source });
  }

  /**
   * Asks for the card's animation (issue 22): 202, and the same animation again on a second press. The card's view,
   * pushed and read as usual, shows its progress from then on.
   */
  async requestAnimation(correlationId: string): Promise<void> {
    await this.send("POST", `/api/cards/${encodeURIComponent(correlationId)}/animation`);
  }

  /** A spoken answer: the recording's bytes as the browser made them (`audio/webm`, Opus). */
  async sendRecording(recording: Blob, contentType: string): Promise<FeedbackAccepted> {
    return this.accepted(await this.send("POST", "/api/feedback", { bytes: recording, contentType }));
  }

  /** A typed answer, scored by the same sentiment step as a spoken one. */
  async sendTypedFeedback(text: string): Promise<FeedbackAccepted> {
    return this.accepted(await this.send("POST", "/api/feedback", { text }));
  }

  async getFeedback(feedbackId: string): Promise<FeedbackView> {
    const feedback = toFeedbackView(await this.send("GET", `/api/feedback/${encodeURIComponent(feedbackId)}`));
    if (!feedback) throw new ApiError("server");
    return feedback;
  }

  private accepted(body: unknown): FeedbackAccepted {
    const accepted = toFeedbackAccepted(body);
    if (!accepted) throw new ApiError("server");
    return accepted;
  }

  /** GET with the session's token, answered as JSON (the organizer's endpoints). */
  async getJson(path: string): Promise<unknown> {
    return this.send("GET", path);
  }

  /** GET with the session's token, answered as a file (the organizer's CSV). */
  async getBlob(path: string): Promise<Blob> {
    const token = this.token();
    if (!token) throw new ApiError("unauthorized");
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` }, cache: "no-store" });
    } catch {
      throw new ApiError("network");
    }
    if (response.status === 401) throw new ApiError("unauthorized");
    if (!response.ok) throw new ApiError(response.status < 500 ? "invalid" : "server", await problemText(response));
    return response.blob();
  }

  /** `json` is sent as JSON, unless it is `{ bytes, contentType }`: then those bytes, as that type. */
  private async send(method: string, path: string, json?: unknown, headers: Record<string, string> = {}, authorized = true): Promise<unknown> {
    const requestHeaders: Record<string, string> = { Accept: "application/json", ...headers };
    const raw = isRawBody(json) ? json : null;
    if (json !== undefined) requestHeaders["Content-Type"] = raw ? raw.contentType : "application/json";
    const token = authorized ? this.token() : null;
    if (authorized && !token) throw new ApiError("unauthorized");
    if (token) requestHeaders["Authorization"] = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: requestHeaders,
        body: raw ? raw.bytes : json === undefined ? null : JSON.stringify(json),
        cache: "no-store",
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch {
      // Offline, DNS, refused connection, CORS refusal or timeout: to the attendee they are all "can't reach".
      throw new ApiError("network");
    }

    if (response.ok) {
      if (response.status === 204) return null;
      try {
        return await response.json();
      } catch {
        throw new ApiError("server");
      }
    }

    const status = response.status;
    const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
    if (status === 401) throw new ApiError("unauthorized", await problemText(response), null, status);
    if (status === 429) throw new ApiError("rateLimited", await problemText(response), retryAfter, status);
    if (status === 404) throw new ApiError("notFound", await problemText(response), null, status);
    if (status >= 400 && status < 500) throw new ApiError("invalid", await problemText(response), null, status);
    // A 503 may say when to come back (the Api's own refusals carry a ProblemDetails; a proxy's may not).
    throw new ApiError("server", status === 503 ? await problemText(response) : null, status === 503 ? retryAfter : null, status);
  }
}

interface RawBody {
  bytes: Blob;
  contentType: string;
}

function isRawBody(body: unknown): body is RawBody {
  return typeof body === "object" && body !== null && (body as Partial<RawBody>).bytes instanceof Blob;
}
