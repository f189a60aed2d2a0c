import { toCardList, toCardView, type CardAccepted, type CardRating, type CardView, type LoginResponse } from "./types";

export type ApiErrorKind = "network" | "unauthorized" | "rateLimited" | "invalid" | "notFound" | "server";

/** A failed Api call, already sorted into what the attendee needs to know. Never carries a stack to the page. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    /** The ProblemDetails detail (or title) of a 4xx answer: written for people by the Api. */
    readonly detail: string | null = null,
    /** Seconds to wait after a 429. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(kind);
    this.name = "ApiError";
  }
}

/** How the attendee rated: a thumbs button, or a thumbs gesture seen by the camera (issue 23). */
export type RatingSource = "button" | "gesture";

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

  private async send(method: string, path: string, json?: unknown, headers: Record<string, string> = {}, authorized = true): Promise<unknown> {
    const requestHeaders: Record<string, string> = { Accept: "application/json", ...headers };
    if (json !== undefined) requestHeaders["Content-Type"] = "application/json";
    const token = authorized ? this.token() : null;
    if (authorized && !token) throw new ApiError("unauthorized");
    if (token) requestHeaders["Authorization"] = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: requestHeaders,
        body: json === undefined ? null : JSON.stringify(json),
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

    if (response.status === 401) throw new ApiError("unauthorized", await problemText(response));
    if (response.status === 429)
      throw new ApiError("rateLimited", await problemText(response), parseRetryAfter(response.headers.get("Retry-After")));
    if (response.status === 404) throw new ApiError("notFound", await problemText(response));
    if (response.status >= 400 && response.status < 500) throw new ApiError("invalid", await problemText(response));
    throw new ApiError("server");
  }
}
