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

/** How a rating was given: a thumbs button, or a thumbs gesture seen by the camera (issue 23). */
export type RatingSource = "button" | "gesture";

/** An animation's life (issue 22): the card itself stays `completed` meanwhile. */
export type AnimationStatus = "queued" | "processing" | "completed" | "failed";

/**
 * A card's animation (SnapMagic.Contracts' CardAnimationView): `videoUrl` needs no header (an S3 presigned GET or the
 * Api's signed link); `videoContentType` is `video/mp4` from Bedrock or `image/webp` (animated) from the local animator.
 */
export interface CardAnimation {
  status: AnimationStatus;
  requestedAt: string;
  completedAt: string | null;
  videoUrl: string | null;
  videoContentType: string | null;
  error: string | null;
}

/**
 * The card view of GET /api/cards/{id}, GET /api/cards and the hub's `CardUpdated`, as {@link toCardView} reads it:
 * the Api leaves `queuePosition`, `rating`, `ratingSource` and `animation` out when they have no value, the page holds
 * them as null.
 */
export type CardView = Omit<Schemas["CardView"], "queuePosition" | "rating" | "ratingSource" | "animation"> & {
  queuePosition: number | null;
  rating: CardRating | null;
  ratingSource: RatingSource | null;
  animation: CardAnimation | null;
};

const statuses: readonly CardStatus[] = ["queued", "processing", "completed", "failed"];

export function isFinished(status: CardStatus): boolean {
  return status === "completed" || status === "failed";
}

/** Orders statuses so a late, older push never moves a card backwards on the page. */
export function statusRank(status: CardStatus): number {
  return status === "queued" ? 0 : status === "processing" ? 1 : 2;
}

export function isAnimationFinished(animation: CardAnimation | null): boolean {
  return animation === null || animation.status === "completed" || animation.status === "failed";
}

/** Nothing more will change on its own: the card is finished and so is its animation, if it has one. */
export function isSettled(card: CardView): boolean {
  return isFinished(card.status) && isAnimationFinished(card.animation);
}

/**
 * A card's progress, its animation's included, as one number: a late push of an older state (an animation still
 * "queued" after "processing" was shown) never moves the page backwards.
 */
export function progressRank(card: CardView): number {
  const animation = card.animation === null ? 0 : card.animation.status === "queued" ? 1 : card.animation.status === "processing" ? 2 : 3;
  return statusRank(card.status) * 10 + animation;
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
  const ratingSource = o["ratingSource"];
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
    ratingSource: ratingSource === "button" || ratingSource === "gesture" ? ratingSource : null,
    animation: toCardAnimation(o["animation"]),
  };
}

const animationStatuses: readonly AnimationStatus[] = ["queued", "processing", "completed", "failed"];

function toCardAnimation(raw: unknown): CardAnimation | null {
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const status = text(o["status"])?.toLowerCase() as AnimationStatus | undefined;
  if (!status || !animationStatuses.includes(status)) return null;
  return {
    status,
    requestedAt: text(o["requestedAt"]) ?? new Date().toISOString(),
    completedAt: text(o["completedAt"]),
    videoUrl: text(o["videoUrl"]),
    videoContentType: text(o["videoContentType"]),
    error: text(o["error"]),
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
