/**
 * Attendee feedback (issue 23) as SnapMagic.Contracts' FeedbackContracts.cs describes it: `POST /api/feedback`
 * answers {@link FeedbackAccepted}; `GET /api/feedback/{id}` and the hub's `FeedbackUpdated` show a {@link FeedbackView}.
 */
export type FeedbackStatus = "queued" | "processing" | "completed" | "failed";
export type Sentiment = "positive" | "neutral" | "negative";

export interface FeedbackAccepted {
  feedbackId: string;
  status: FeedbackStatus;
}

export interface FeedbackView {
  feedbackId: string;
  status: FeedbackStatus;
  /** `spoken` (a recording) or `typed`. */
  kind: "spoken" | "typed";
  createdAt: string;
  completedAt: string | null;
  /** The typed text, or what the speech model heard; null while not done or not transcribed. */
  transcript: string | null;
  /** False for a recording kept but not turned into text here (the local backend has no reliable recogniser). */
  transcribed: boolean;
  sentiment: Sentiment | null;
  error: string | null;
}

/** FeedbackLimits in SnapMagic.Contracts: what `POST /api/feedback` accepts. */
export const feedbackLimits = {
  maxRecordingSeconds: 20,
  maxRecordingBytes: 2 * 1024 * 1024,
  minTextLength: 2,
  maxTextLength: 1000,
  webmContentType: "audio/webm",
} as const;

const statuses: readonly FeedbackStatus[] = ["queued", "processing", "completed", "failed"];
const sentiments: readonly Sentiment[] = ["positive", "neutral", "negative"];

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function statusOf(value: unknown): FeedbackStatus | null {
  const status = text(value)?.toLowerCase() as FeedbackStatus | undefined;
  return status && statuses.includes(status) ? status : null;
}

export function isFeedbackFinished(status: FeedbackStatus): boolean {
  return status === "completed" || status === "failed";
}

export function feedbackRank(status: FeedbackStatus): number {
  return statuses.indexOf(status) < 2 ? statuses.indexOf(status) : 2;
}

export function toFeedbackAccepted(raw: unknown): FeedbackAccepted | null {
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const feedbackId = text(o["feedbackId"]);
  return feedbackId ? { feedbackId, status: statusOf(o["status"]) ?? "queued" } : null;
}

/** Reads a feedback view from JSON the page did not write; null when it is not one. */
export function toFeedbackView(raw: unknown): FeedbackView | null {
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const feedbackId = text(o["feedbackId"]);
  const status = statusOf(o["status"]);
  if (!feedbackId || !status) return null;
  const sentiment = text(o["sentiment"])?.toLowerCase() as Sentiment | undefined;
  return {
    feedbackId,
    status,
    kind: text(o["kind"]) === "typed" ? "typed" : "spoken",
    createdAt: text(o["createdAt"]) ?? new Date().toISOString(),
    completedAt: text(o["completedAt"]),
    transcript: text(o["transcript"]),
    transcribed: o["transcribed"] === true,
    sentiment: sentiment && sentiments.includes(sentiment) ? sentiment : null,
    error: text(o["error"]),
  };
}
