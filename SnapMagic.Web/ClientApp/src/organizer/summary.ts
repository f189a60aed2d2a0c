import type { components } from "../generated/api";

type Schemas = components["schemas"];

/** GET /api/organizer/summary as the Api's OpenAPI document describes it (src/generated/api.ts). */
export type Summary = Schemas["OrganizerSummary"];
export type MinutePoint = Schemas["MinutePoint"];
export type PercentileSeconds = Schemas["PercentileSeconds"];

/** The summary read defensively: the page draws only what it understood. */
type Json = Record<string, unknown>;

const object = (value: unknown): Json => (typeof value === "object" && value !== null ? (value as Json) : {});
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const maybe = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(object) : []);

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
  };
}
