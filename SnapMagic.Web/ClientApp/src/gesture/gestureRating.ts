import { h } from "../dom";
import type { CardRating } from "../types";
import { thumbIcon } from "../views/thumbIcon";
import { cameraProblemText, type CameraProblem } from "./cameraProblem";
import { GestureCamera } from "./gestureCamera";
import type { ThumbGesture } from "./thumbGesture";

const gestureNames: Record<CardRating, string> = { up: "Thumbs up", down: "Thumbs down" };

export const gestureTexts = {
  notice: "Optional: turn the camera on and show a thumbs up or down. The picture stays on this device: it is never sent or saved.",
  starting: "Starting the camera…",
  loading: "Camera on. Getting hand recognition ready (a few seconds the first time)…",
  watching: "Camera on. Hold a thumbs up or thumbs down steady for a second.",
  holding: (rating: CardRating) => `${gestureNames[rating]}… hold it.`,
  detected: (rating: CardRating) => `${gestureNames[rating]} detected. Send it?`,
  sent: (rating: CardRating) => `${gestureNames[rating]} sent. The camera is off.`,
  cancelled: "Nothing sent. The camera is off.",
  off: "The camera is off.",
  hidden: "The camera turned off while the page was hidden.",
};

/** The one control on the page that may hold the camera; a new one (the result was drawn again) ends it. */
let current: GestureRatingControl | null = null;
let listeningForHide = false;

/** Turns the camera off and forgets the control: the result panel is about to be drawn anew. */
export function releaseGestureCamera(): void {
  current?.turnOff(null);
  current = null;
}

function listenForHide(): void {
  if (listeningForHide) return;
  listeningForHide = true;
  // A hidden tab or a phone's locked screen must not keep the camera: the attendee can't see it is on.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") current?.turnOff(gestureTexts.hidden);
  });
  window.addEventListener("pagehide", () => current?.turnOff(gestureTexts.hidden));
}

let nextId = 0;

/**
 * "Rate with a gesture": an opt-in camera beside the thumbs buttons. The hand is recognised in the page;
 * a held thumbs up or down is shown to the attendee, who confirms it before anything is sent. The confirm
 * step (rather than an auto-send countdown) has no time limit, which suits screen-reader and keyboard
 * users, and a passer-by's hand in the frame can never rate someone's card.
 */
class GestureRatingControl {
  readonly element: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly video: HTMLVideoElement;
  private readonly meter: HTMLElement;
  private readonly status: HTMLElement;
  private readonly confirm: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly camera: GestureCamera;
  private detected: CardRating | null = null;
  private lastHeld: ThumbGesture = "none";

  constructor(private readonly send: (rating: CardRating) => void) {
    const id = `gesture-${++nextId}`;
    this.toggle = h("button", {
      type: "button",
      class: "button button-ghost gesture-toggle",
      "aria-pressed": "false",
      "aria-describedby": `${id}-notice`,
    }, h("span", { class: "gesture-dot", "aria-hidden": "true" }), "Rate with a gesture");
    this.video = h("video", { class: "gesture-preview", muted: true, playsinline: true, "aria-hidden": "true" });
    this.video.muted = true;
    this.video.hidden = true;
    this.meter = h("div", { class: "gesture-hold", "aria-hidden": "true" }, h("div", { class: "gesture-hold-fill" }));
    this.meter.hidden = true;
    this.status = h("p", { class: "gesture-status", id: `${id}-status`, role: "status", "aria-live": "polite" });
    this.sendButton = h("button", { type: "button", class: "button button-primary gesture-send" });
    const cancel = h("button", { type: "button", class: "button button-ghost gesture-cancel" }, "Cancel");
    this.confirm = h("div", { class: "gesture-confirm", role: "group", "aria-labelledby": `${id}-status` }, this.sendButton, cancel);
    this.confirm.hidden = true;
    this.element = h("div", { class: "gesture", "data-state": "off" },
      this.toggle,
      h("p", { class: "gesture-notice", id: `${id}-notice` }, gestureTexts.notice),
      this.video,
      this.meter,
      this.status,
      this.confirm);

    this.camera = new GestureCamera(this.video, {
      cameraOn: () => this.show("loading", gestureTexts.loading),
      watching: () => this.show("watching", gestureTexts.watching),
      holding: (gesture, fraction) => this.showHold(gesture, fraction),
      detected: (rating) => this.showDetected(rating),
      failed: (problem) => this.showProblem(problem),
    });

    this.toggle.addEventListener("click", () => (this.camera.isRunning ? this.turnOff(gestureTexts.off) : this.turnOn()));
    this.sendButton.addEventListener("click", () => this.confirmSend());
    cancel.addEventListener("click", () => this.turnOff(gestureTexts.cancelled));
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && (this.camera.isRunning || this.detected)) this.turnOff(gestureTexts.cancelled);
    });
  }

  turnOff(text: string | null): void {
    const wasOn = this.camera.isRunning || this.detected !== null;
    this.camera.stop();
    this.detected = null;
    this.show("off", wasOn ? text : null);
  }

  private turnOn(): void {
    if (current && current !== this) current.turnOff(null);
    current = this;
    listenForHide();
    this.detected = null;
    this.lastHeld = "none";
    this.show("starting", gestureTexts.starting);
    void this.camera.start();
  }

  private confirmSend(): void {
    const rating = this.detected;
    if (!rating) return;
    this.detected = null;
    this.show("sent", gestureTexts.sent(rating));
    this.send(rating);
  }

  private showHold(gesture: ThumbGesture, fraction: number): void {
    this.meter.style.setProperty("--hold", `${Math.round(fraction * 100)}%`);
    this.meter.dataset["gesture"] = gesture;
    // Only a change of gesture is news: the meter's every step would flood a screen reader.
    if (gesture === this.lastHeld) return;
    this.lastHeld = gesture;
    this.setStatus(gesture === "none" ? gestureTexts.watching : gestureTexts.holding(gesture));
  }

  private showDetected(rating: CardRating): void {
    this.detected = rating;
    this.sendButton.replaceChildren(thumbIcon(rating), `Send ${gestureNames[rating].toLowerCase()}`);
    this.show("detected", gestureTexts.detected(rating));
  }

  private showProblem(problem: CameraProblem): void {
    this.show("problem", cameraProblemText[problem]);
  }

  private show(state: string, text: string | null): void {
    const on = state === "starting" || state === "loading" || state === "watching";
    this.element.dataset["state"] = state;
    this.toggle.setAttribute("aria-pressed", on ? "true" : "false");
    this.video.hidden = !on;
    this.meter.hidden = state !== "watching";
    this.confirm.hidden = state !== "detected";
    if (state !== "watching") this.lastHeld = "none";
    this.setStatus(text ?? "");
  }

  private setStatus(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }
}

/** The gesture control for a finished card; `send` rates the card as the thumbs buttons do, with source "gesture". */
export function renderGestureRating(send: (rating: CardRating) => void): HTMLElement {
  releaseGestureCamera();
  return new GestureRatingControl(send).element;
}
