import { cameraProblemOf } from "../gesture/cameraProblem";
import { feedbackLimits } from "./feedbackTypes";

/** Why the microphone could not be used, sorted into what the attendee can do about it. */
export type MicrophoneProblem = "denied" | "noMicrophone" | "busy" | "unsupported";

export const microphoneProblemText: Record<MicrophoneProblem, string> = {
  denied: "Microphone access was not allowed, so nothing was recorded. You can type your answer below instead.",
  noMicrophone: "No microphone was found. You can type your answer below instead.",
  busy: "The microphone is in use by another app. Close it and try again, or type your answer below.",
  unsupported: "This browser can't record an answer here. You can type your answer below instead.",
};

/** The format browsers record and the Api accepts (FeedbackLimits.WebmContentType): Opus in WebM. */
export const recordingMimeType = "audio/webm;codecs=opus";

export interface VoiceRecorderEvents {
  /** The microphone is on and recording. */
  started(): void;
  /** About every quarter second while recording: whole seconds left of the 20. */
  tick(secondsLeft: number): void;
  /** Stopped (pressed, or the 20 s were up): the recording, the microphone already off. */
  finished(recording: Blob): void;
  /** The microphone or the recorder could not be used; the microphone is already off. */
  failed(problem: MicrophoneProblem): void;
}

/**
 * Up to 20 s from the microphone with MediaRecorder. The microphone is asked for only by start() (after the
 * attendee's press), and every track is stopped on every way out: stop, cancel, the time limit, an error.
 */
export class VoiceRecorder {
  private stream: MediaStream | null = null;
  private recorder: MediaRecorder | null = null;
  private timer: number | undefined;
  /** Counts start() calls: a late getUserMedia answer for an attempt that was cancelled meanwhile is dropped. */
  private attempt = 0;
  private active = false;
  /** What to do with the recording once the recorder has stopped: set by stop() and cancel(). */
  private outcome: "send" | "discard" = "discard";

  constructor(private readonly events: VoiceRecorderEvents) {}

  /** Whether recording is possible at all here, before anything is asked of the microphone. */
  static isSupported(): boolean {
    return typeof MediaRecorder !== "undefined" && !!navigator.mediaDevices?.getUserMedia && MediaRecorder.isTypeSupported(recordingMimeType);
  }

  get isActive(): boolean {
    return this.active;
  }

  async start(): Promise<void> {
    if (this.active) return;
    if (!VoiceRecorder.isSupported()) {
      this.events.failed("unsupported");
      return;
    }
    this.active = true;
    const attempt = ++this.attempt;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true }, video: false });
    } catch (error) {
      if (attempt !== this.attempt) return;
      this.active = false;
      const problem = cameraProblemOf(error);
      this.events.failed(problem === "denied" ? "denied" : problem === "noCamera" ? "noMicrophone" : problem === "busy" ? "busy" : "unsupported");
      return;
    }
    if (attempt !== this.attempt || !this.active) {
      stopTracks(stream);
      return;
    }
    this.stream = stream;
    const chunks: Blob[] = [];
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, { mimeType: recordingMimeType });
    } catch {
      this.release();
      this.events.failed("unsupported");
      return;
    }
    this.recorder = recorder;
    recorder.addEventListener("dataavailable", (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    recorder.addEventListener("stop", () => {
      const sent = this.outcome === "send";
      this.release();
      if (sent && attempt === this.attempt) this.events.finished(new Blob(chunks, { type: recordingMimeType }));
    });
    recorder.addEventListener("error", () => {
      if (attempt !== this.attempt) return;
      this.attempt++;
      this.release();
      this.events.failed("busy");
    });
    this.outcome = "discard";
    const startedAt = performance.now();
    const limitMs = feedbackLimits.maxRecordingSeconds * 1000;
    recorder.start();
    this.events.started();
    this.events.tick(feedbackLimits.maxRecordingSeconds);
    this.timer = window.setInterval(() => {
      const left = limitMs - (performance.now() - startedAt);
      if (left <= 0) this.stop();
      else this.events.tick(Math.ceil(left / 1000));
    }, 250);
  }

  /** Ends the recording and hands it over (finished). */
  stop(): void {
    this.end("send");
  }

  /** Ends the recording and throws it away; the microphone goes off. Safe at any time, more than once. */
  cancel(): void {
    this.attempt++;
    this.end("discard");
  }

  private end(outcome: "send" | "discard"): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
    const recorder = this.recorder;
    // A discarded recording needs none of what is still buffered: the microphone goes off now, not when the
    // recorder's stop event comes round, so "the microphone is off" is true the moment the page says it.
    if (outcome === "discard" && this.stream) stopTracks(this.stream);
    if (recorder && recorder.state !== "inactive") {
      this.outcome = outcome;
      recorder.stop();
    } else this.release();
  }

  private release(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    this.recorder = null;
    this.active = false;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
