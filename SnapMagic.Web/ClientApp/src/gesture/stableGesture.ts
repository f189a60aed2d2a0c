import type { ThumbGesture } from "./thumbGesture";

export interface HoldSettings {
  /** How long the same gesture must be seen, without a gap, before it counts. */
  holdMs: number;
  /** …and in at least this many frames (a slow device must not count one frame as a hold). */
  minFrames: number;
}

export const defaultHold: HoldSettings = { holdMs: 1000, minFrames: 5 };

/**
 * Turns a stream of per-frame guesses into one decision: "up" or "down" once it has been held long
 * enough, and only once per hold. Any other frame (another gesture, no hand) starts the count again.
 * Pure: the caller passes each frame's time, so tests need no clock.
 */
export class StableGesture {
  private candidate: ThumbGesture = "none";
  private since = 0;
  private frames = 0;
  private decided = false;

  constructor(private readonly settings: HoldSettings = defaultHold) {}

  /** Notes one frame; answers the gesture the moment its hold completes, otherwise null. */
  observe(gesture: ThumbGesture, timeMs: number): "up" | "down" | null {
    if (gesture !== this.candidate) {
      this.candidate = gesture;
      this.since = timeMs;
      this.frames = 0;
      this.decided = false;
    }
    this.frames++;
    if (this.candidate === "none" || this.decided) return null;
    if (timeMs - this.since < this.settings.holdMs || this.frames < this.settings.minFrames) return null;
    this.decided = true;
    return this.candidate;
  }

  /** The gesture being held (or "none") and how far its hold is, 0 to 1, for the on-screen meter. */
  progress(timeMs: number): { gesture: ThumbGesture; fraction: number } {
    if (this.candidate === "none") return { gesture: "none", fraction: 0 };
    const byTime = (timeMs - this.since) / this.settings.holdMs;
    const byFrames = this.frames / this.settings.minFrames;
    return { gesture: this.candidate, fraction: Math.max(0, Math.min(1, byTime, byFrames)) };
  }

  reset(): void {
    this.candidate = "none";
    this.frames = 0;
    this.decided = false;
  }
}
