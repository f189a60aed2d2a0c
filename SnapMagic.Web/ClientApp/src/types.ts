import type { components } from "./generated/api";

type Schemas = components["schemas"];

/**
 * The Api's contracts as its OpenAPI document describes them: src/generated/api.ts is generated from /openapi/v1.json
 * (tests/openapi/v1.json), which the Api builds from its C# records. Regenerate it, never edit it.
 */
export type CardAccepted = Schemas["CardAccepted"];
export type LoginRequest = Schemas["LoginRequest"];
export type LoginResponse = Schemas["LoginResponse"];

/** A card's life as the Api reports it (status strings are lower case). */
export type CardStatus = Schemas["CardView"]["status"];

/** The owner's thumbs up or down on a completed card. */
export type CardRating = NonNullable<Schemas["CardView"]["rating"]>;

/**
 * The card view of GET /api/cards/{id}, GET /api/cards and the hub's `CardUpdated`, as {@link toCardView} reads it:
 * the Api leaves `queuePosition` and `rating` out when they have no value, the page holds them as null.
 */
export type CardView = Omit<Schemas["CardView"], "queuePosition" | "rating"> & {
  queuePosition: number | null;
  rating: CardRating | null;
};

const statuses: readonly CardStatus[] = ["queued", "processing", "completed", "failed"];

export function isFinished(status: CardStatus): boolean {
  return status === "completed" || status === "failed";
}

/** Orders statuses so a late, older push never moves a card backwards on the page. */
export function statusRank(status: CardStatus): number {
  return status === "queued" ? 0 : status === "processing" ? 1 : 2;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Reads a card view from JSON the page did not write; null when it is not one. */
export function toCardView(raw: unknown): CardView | null {
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const correlationId = text(o["correlationId"]);
  const status = text(o["status"])?.toLowerCase() as CardStatus | undefined;
  if (!correlationId || !status || !statuses.includes(status)) return null;
  const position = o["queuePosition"];
  const rating = o["rating"];
  return {
    correlationId,
    status,
    prompt: text(o["prompt"]) ?? "",
    createdAt: text(o["createdAt"]) ?? new Date().toISOString(),
    startedAt: text(o["startedAt"]),
    completedAt: text(o["completedAt"]),
    imageUrl: text(o["imageUrl"]),
    error: text(o["error"]),
    queuePosition: typeof position === "number" && Number.isFinite(position) ? position : null,
    rating: rating === "up" || rating === "down" ? rating : null,
  };
}

/** GET /api/cards answers a list; accept `{ cards: [...] }` or `{ items: [...] }` as well. */
export function toCardList(raw: unknown): CardView[] {
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === "object" && raw !== null
      ? ((raw as Record<string, unknown>)["cards"] ?? (raw as Record<string, unknown>)["items"])
      : null;
  if (!Array.isArray(list)) return [];
  return list.map(toCardView).filter((card): card is CardView => card !== null);
}

export function newestFirst(a: CardView, b: CardView): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}
