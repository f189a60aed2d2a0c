import { ApiError, type ApiClient } from "../api";
import { byId, h, setBusy, showText } from "../dom";
import { describeError, describeWait } from "../messages";
import { feedbackLimits, type FeedbackAccepted, type FeedbackView, type Sentiment } from "./feedbackTypes";
import { microphoneProblemText, VoiceRecorder, type MicrophoneProblem } from "./voiceRecorder";

export interface FeedbackPanelEvents {
  /** Follow this feedback (the hub's SubscribeFeedback, or reads) until it is done: {@link FeedbackPanel.show} gets it. */
  follow(feedbackId: string): void;
  unauthorized(): void;
}

const sentimentWords: Record<Sentiment, string> = {
  positive: "Positive: we're glad you liked it!",
  neutral: "Neutral: thanks for your honest answer.",
  negative: "Negative: sorry it fell short, and thank you for telling us.",
};

export const feedbackTexts = {
  recording: "Recording: speak now. It stops by itself after 20 seconds.",
  cancelled: "Recording cancelled: nothing was sent, and the microphone is off.",
  sending: "Sending your answer…",
  waitingSpoken: "Thanks! Your answer is in: turning it into text and reading its tone…",
  waitingTyped: "Thanks! Your answer is in: reading its tone…",
  notTranscribed:
    "Thanks! Your recording was received, but it is not transcribed here, so we can't show what you said. Would you type your answer instead?",
  tooShort: `Please type at least ${feedbackLimits.minTextLength} characters.`,
  tooLong: `Please keep your answer to ${feedbackLimits.maxTextLength} characters.`,
  tooLarge: "That recording is too long or too large to send. Please record a shorter answer (20 seconds at most), or type it.",
  unsupportedType: "SnapMagic can't read the recording this browser made. Please type your answer instead.",
  rateLimited: (seconds: number | null) =>
    `You've sent a lot of answers in a short time. Please try again ${seconds === null ? "in a minute" : `in ${describeWait(seconds)}`}.`,
};

/**
 * "Tell us what you think" (issue 23): a spoken answer of up to 20 s (the microphone only after the press, a visible
 * recording state with a countdown, Stop and send, Cancel), or a typed one; both go to POST /api/feedback and come back,
 * transcribed and scored by the worker pool, through the hub's FeedbackUpdated (or reads while it is down).
 */
export class FeedbackPanel {
  private readonly ui = {
    record: byId<HTMLButtonElement>("feedback-record"),
    recording: byId("feedback-recording"),
    countdown: byId("feedback-countdown"),
    stop: byId<HTMLButtonElement>("feedback-stop"),
    cancel: byId<HTMLButtonElement>("feedback-cancel"),
    form: byId<HTMLFormElement>("feedback-form"),
    text: byId<HTMLTextAreaElement>("feedback-text"),
    counter: byId("feedback-text-counter"),
    textError: byId("feedback-text-error"),
    send: byId<HTMLButtonElement>("feedback-send"),
    status: byId("feedback-status"),
    result: byId("feedback-result"),
  };
  private readonly recorder: VoiceRecorder;
  /** The answer whose result the panel waits for; views of any other are old news. */
  private currentId: string | null = null;
  private sending = false;

  constructor(
    private readonly api: ApiClient,
    private readonly events: FeedbackPanelEvents,
  ) {
    this.recorder = new VoiceRecorder({
      started: () => this.showRecording(true),
      tick: (seconds) => {
        this.ui.countdown.textContent = `${seconds} s left`;
      },
      finished: (recording) => void this.sendRecording(recording),
      failed: (problem) => this.showProblem(problem),
    });
  }

  start(): void {
    this.ui.text.maxLength = feedbackLimits.maxTextLength;
    this.ui.record.addEventListener("click", () => this.startRecording());
    this.ui.stop.addEventListener("click", () => this.recorder.stop());
    this.ui.cancel.addEventListener("click", () => this.cancelRecording(feedbackTexts.cancelled));
    this.ui.recording.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.cancelRecording(feedbackTexts.cancelled);
    });
    this.ui.text.addEventListener("input", () => this.updateCounter());
    this.ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.sendTyped();
    });
    // A hidden or closed page must not keep the microphone.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden" && this.recorder.isActive) this.cancelRecording(feedbackTexts.cancelled);
    });
    window.addEventListener("pagehide", () => this.recorder.cancel());
    this.updateCounter();
  }

  /** Logged out: nothing recorded or shown survives the session. */
  reset(): void {
    this.recorder.cancel();
    this.showRecording(false);
    this.currentId = null;
    this.ui.text.value = "";
    this.updateCounter();
    showText(this.ui.textError, null);
    this.setStatus("", "idle");
    this.ui.result.replaceChildren();
    this.ui.result.hidden = true;
  }

  /** A view of the attendee's feedback, pushed or read. */
  show(feedback: FeedbackView): void {
    if (feedback.feedbackId !== this.currentId) return;
    const waiting = feedback.kind === "spoken" ? feedbackTexts.waitingSpoken : feedbackTexts.waitingTyped;
    this.ui.result.dataset["status"] = feedback.status;
    if (feedback.status === "queued" || feedback.status === "processing") {
      this.setStatus(waiting, "waiting");
      return;
    }
    if (feedback.status === "failed") {
      this.setStatus(`Sorry, your answer could not be processed: ${feedback.error ?? "no reason was given."} You can type it below instead.`, "failed");
      return;
    }
    if (feedback.kind === "spoken" && !feedback.transcribed) {
      this.setStatus(feedbackTexts.notTranscribed, "not-transcribed");
      const type = h("button", { type: "button", class: "button button-ghost" }, "Type my answer");
      type.addEventListener("click", () => this.ui.text.focus());
      this.showResult(h("p", { class: "feedback-offer" }, type));
      return;
    }
    this.setStatus("Thanks for your answer! Here is what we understood.", "completed");
    const items: HTMLElement[] = [];
    if (feedback.transcript) {
      items.push(h("div", {}, h("dt", {}, feedback.kind === "spoken" ? "We heard" : "You wrote"), h("dd", { class: "feedback-transcript" }, feedback.transcript)));
    }
    items.push(h("div", {}, h("dt", {}, "Tone"), h("dd", { class: "feedback-sentiment", "data-sentiment": feedback.sentiment ?? "" },
      feedback.sentiment ? sentimentWords[feedback.sentiment] : "Not scored.")));
    this.showResult(h("dl", { class: "feedback-facts" }, ...items));
  }

  // ---- Spoken -------------------------------------------------------------------------------

  private startRecording(): void {
    if (this.recorder.isActive || this.sending) return;
    this.clearResult();
    this.setStatus("Asking for the microphone…", "starting");
    void this.recorder.start();
  }

  private cancelRecording(text: string): void {
    const wasActive = this.recorder.isActive;
    this.recorder.cancel();
    this.showRecording(false);
    if (wasActive) this.setStatus(text, "cancelled");
  }

  private showRecording(on: boolean): void {
    const hadFocus = this.ui.recording.contains(document.activeElement) || document.activeElement === this.ui.record;
    this.ui.recording.hidden = !on;
    this.ui.record.hidden = on;
    if (on) {
      this.ui.countdown.textContent = `${feedbackLimits.maxRecordingSeconds} s left`;
      this.setStatus(feedbackTexts.recording, "recording");
      if (hadFocus) this.ui.stop.focus();
    } else if (hadFocus) this.ui.record.focus();
  }

  private showProblem(problem: MicrophoneProblem): void {
    this.showRecording(false);
    this.setStatus(microphoneProblemText[problem], "problem");
  }

  private async sendRecording(recording: Blob): Promise<void> {
    this.showRecording(false);
    if (recording.size === 0) {
      this.setStatus("Nothing was recorded. Please try again, or type your answer.", "problem");
      return;
    }
    if (recording.size > feedbackLimits.maxRecordingBytes) {
      this.setStatus(feedbackTexts.tooLarge, "problem");
      return;
    }
    await this.submit(() => this.api.sendRecording(recording, feedbackLimits.webmContentType), this.ui.record, "Record your answer", "spoken");
  }

  // ---- Typed --------------------------------------------------------------------------------

  private updateCounter(): void {
    const length = this.ui.text.value.trim().length;
    this.ui.counter.textContent = `${length} / ${feedbackLimits.maxTextLength}`;
    this.ui.counter.dataset["state"] = length === 0 ? "empty" : length < feedbackLimits.minTextLength ? "short" : length > feedbackLimits.maxTextLength ? "long" : "ok";
    if (length >= feedbackLimits.minTextLength) {
      this.ui.text.removeAttribute("aria-invalid");
      showText(this.ui.textError, null);
    }
  }

  private async sendTyped(): Promise<void> {
    const text = this.ui.text.value.trim();
    const problem = text.length < feedbackLimits.minTextLength ? feedbackTexts.tooShort : text.length > feedbackLimits.maxTextLength ? feedbackTexts.tooLong : null;
    if (problem) {
      showText(this.ui.textError, problem);
      this.ui.text.setAttribute("aria-invalid", "true");
      this.ui.text.focus();
      return;
    }
    this.clearResult();
    const sent = await this.submit(() => this.api.sendTypedFeedback(text), this.ui.send, "Send your answer", "typed");
    if (sent) {
      this.ui.text.value = "";
      this.updateCounter();
    }
  }

  // ---- Both ---------------------------------------------------------------------------------

  private async submit(send: () => Promise<FeedbackAccepted>, button: HTMLButtonElement, label: string, kind: "spoken" | "typed"): Promise<boolean> {
    if (this.sending) return false;
    this.sending = true;
    setBusy(button, true, label);
    this.setStatus(feedbackTexts.sending, "sending");
    try {
      const accepted = await send();
      this.currentId = accepted.feedbackId;
      this.setStatus(kind === "spoken" ? feedbackTexts.waitingSpoken : feedbackTexts.waitingTyped, "waiting");
      this.events.follow(accepted.feedbackId);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.kind === "unauthorized") {
        this.events.unauthorized();
        return false;
      }
      this.setStatus(refusalText(error), "refused");
      return false;
    } finally {
      this.sending = false;
      setBusy(button, false, label);
    }
  }

  private setStatus(text: string, state: string): void {
    this.ui.status.dataset["state"] = state;
    if (this.ui.status.textContent !== text) this.ui.status.textContent = text;
  }

  private showResult(content: HTMLElement): void {
    this.ui.result.replaceChildren(content);
    this.ui.result.hidden = false;
  }

  private clearResult(): void {
    this.currentId = null;
    this.ui.result.replaceChildren();
    this.ui.result.hidden = true;
  }
}

function refusalText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return feedbackTexts.tooLarge;
    if (error.status === 415) return feedbackTexts.unsupportedType;
    if (error.kind === "rateLimited") return feedbackTexts.rateLimited(error.retryAfterSeconds);
  }
  return describeError(error);
}
