import type { components } from "../generated/api";

type Schemas = components["schemas"];

export type RatingCounts = Schemas["RatingCounts"];

/** The event's animation figures (issue 22). */
export type AnimationSummary = Schemas["AnimationSummary"];

/** One finished answer with text, newest first; the page holds its sentiment and kind as the words it knows. */
export type FeedbackTranscript = Omit<Schemas["FeedbackTranscript"], "sentiment" | "kind"> & {
  sentiment: "positive" | "neutral" | "negative" | null;
  kind: "spoken" | "typed";
};

/** Attendees' answers (issue 23); shares are 0-1 of the scored answers, null before any. */
export type FeedbackSummary = Omit<Schemas["FeedbackSummary"], "latest"> & { latest: FeedbackTranscript[] };

/**
 * GET /api/organizer/summary as the Api's OpenAPI document describes it (src/generated/api.ts), with ratings split by
 * source, animations and feedback (issues 22 and 23).
 */
export type Summary = Omit<Schemas["OrganizerSummary"], "feedback"> & { feedback: FeedbackSummary };

export type MinutePoint = Schemas["MinutePoint"];
export type PercentileSeconds = Schemas["PercentileSeconds"];

/** The summary read defensively: the page draws only what it understood. */
type Json = Record<string, unknown>;

const object = (value: unknown): Json => (typeof value === "object" && value !== null ? (value as Json) : {});
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const maybe = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(object) : []);

function ratingCounts(value: unknown): RatingCounts {
  const o = object(value);
  return { up: count(o["up"]), down: count(o["down"]) };
}

function sentimentOf(value: unknown): FeedbackTranscript["sentiment"] {
  return value === "positive" || value === "neutral" || value === "negative" ? value : null;
}

function animationSummary(value: unknown): AnimationSummary {
  const o = object(value);
  const budget = object(o["budget"]);
  return {
    requested: count(o["requested"]),
    completed: count(o["completed"]),
    failed: count(o["failed"]),
    estimatedCost: count(o["estimatedCost"]),
    pricePerVideo: count(o["pricePerVideo"]),
    budget: { perHour: count(budget["perHour"]), daily: count(budget["daily"]), usedThisHour: count(budget["usedThisHour"]), usedToday: count(budget["usedToday"]) },
  };
}

function feedbackSummary(value: unknown): FeedbackSummary {
  const o = object(value);
  return {
    received: count(o["received"]),
    completed: count(o["completed"]),
    failed: count(o["failed"]),
    spoken: count(o["spoken"]),
    typed: count(o["typed"]),
    notTranscribed: count(o["notTranscribed"]),
    positive: count(o["positive"]),
    neutral: count(o["neutral"]),
    negative: count(o["negative"]),
    positiveShare: maybe(o["positiveShare"]),
    neutralShare: maybe(o["neutralShare"]),
    negativeShare: maybe(o["negativeShare"]),
    latest: list(o["latest"])
      .map((t) => ({ text: text(t["text"]), sentiment: sentimentOf(t["sentiment"]), kind: t["kind"] === "typed" ? "typed" as const : "spoken" as const, at: text(t["at"]) }))
      .filter((t) => t.text.length > 0),
  };
}

function percentiles(value: unknown): PercentileSeconds {
  const o = object(value);
  return { p50: maybe(o["p50"]), p95: maybe(o["p95"]) };
}

export function toSummary(raw: unknown): Summary {
  const o = object(raw);
  const ratings = object(o["ratings"]);
  const budget = object(o["budget"]);
  return {
    generatedAt: text(o["generatedAt"]),
    accepted: count(o["accepted"]),
    queued: count(o["queued"]),
    processing: count(o["processing"]),
    completed: count(o["completed"]),
    failed: count(o["failed"]),
    successRate: maybe(o["successRate"]),
    cardsPerMinute: list(o["cardsPerMinute"]).map((m) => ({ minute: text(m["minute"]), count: count(m["count"]) })),
    timeToCard: percentiles(o["timeToCard"]),
    queueWait: percentiles(o["queueWait"]),
    queueDepth: maybe(o["queueDepth"]),
    deadLetters: maybe(o["deadLetters"]),
    failuresByReason: list(o["failuresByReason"]).map((f) => ({ reason: text(f["reason"]), count: count(f["count"]) })),
    ratings: { up: count(ratings["up"]), down: count(ratings["down"]) },
    topWords: list(o["topWords"]).map((w) => ({ word: text(w["word"]), count: count(w["count"]) })),
    estimatedModelCost: count(o["estimatedModelCost"]),
    pricePerImage: count(o["pricePerImage"]),
    currency: text(o["currency"]) || "USD",
    budget: {
      perMinute: count(budget["perMinute"]),
      daily: count(budget["daily"]),
      usedThisMinute: count(budget["usedThisMinute"]),
      usedToday: count(budget["usedToday"]),
    },
    ratingsBySource: { button: ratingCounts(object(o["ratingsBySource"])["button"]), gesture: ratingCounts(object(o["ratingsBySource"])["gesture"]) },
    animations: animationSummary(o["animations"]),
    feedback: feedbackSummary(o["feedback"]),
  };
}
