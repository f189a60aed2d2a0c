import { h } from "../dom";
import { describeWait } from "../messages";
import type { CardAnimation, CardView } from "../types";

/** What the animation's part of a finished card needs from the page. */
export interface AnimationActions {
  /** "Animate": ask the Api for the card's animation. */
  animate(card: CardView): void;
  resolveUrl(url: string): string;
  downloadLink(url: string): string;
  /** The animation's link failed to load (an expired presigned URL, say): read the card again. */
  animationFailed(card: CardView): void;
}

/** Until the Api answers the press: the button says so and cannot send twice. */
export interface AnimationRequestState {
  sending: boolean;
}

/**
 * The card template's art window in pixels (SnapMagic.Imaging's CardTemplate: a 688×1024 card, inclusive corners
 * (69,78) and (618,570)); app.css places the animation over it in percentages, so it scales with the card.
 */
export const artWindow = { cardWidth: 688, cardHeight: 1024, left: 69, top: 78, right: 618, bottom: 570 } as const;

/** Whether moving pictures play on their own: off for people who asked their system for less motion, and after "Stop". */
let playing = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** The status line (the page's #animation-status, a polite live region) for a card's animation; "" when it has none. */
export function animationStatusText(card: CardView | null, problem: string | null): string {
  if (problem) return problem;
  const animation = card?.status === "completed" ? card.animation : null;
  if (!animation) return "";
  switch (animation.status) {
    case "queued":
      return "Animation queued: it starts when a video slot is free. Animations take a few minutes on Bedrock.";
    case "processing":
      return "Animating your card… this takes a few minutes on Bedrock.";
    case "completed":
      return animation.videoUrl ? "Your animation is ready: it plays in the card's art window." : "Your animation is ready.";
    case "failed":
      return `The animation could not be made: ${animation.error ?? "the video model gave no reason."}`;
  }
}

/** What a refused "Animate" says, in words (429 with its wait, 404, 503). */
export function animationRefusalText(kind: "rateLimited" | "notFound" | "unavailable" | "other", retryAfterSeconds: number | null, detail: string | null): string {
  const wait = retryAfterSeconds === null ? "in a minute" : `in ${retryAfterSeconds} s`;
  switch (kind) {
    case "rateLimited":
      return `You have asked for a lot of animations. Please try again ${wait}${retryAfterSeconds !== null && retryAfterSeconds >= 60 ? ` (${describeWait(retryAfterSeconds)})` : ""}.`;
    case "notFound":
      return "This card can no longer be found, so it can't be animated.";
    case "unavailable":
      return `Animations are not available right now. Please try again ${retryAfterSeconds === null ? "in a moment" : wait}.`;
    case "other":
      return detail ?? "The animation could not be started. Please try again in a moment.";
  }
}

/** "1:05 elapsed" since the animation was asked for (never negative, whatever the clocks say). */
export function elapsedText(animation: CardAnimation, now = Date.now()): string {
  const started = Date.parse(animation.requestedAt);
  const seconds = Number.isNaN(started) ? 0 : Math.max(0, Math.floor((now - started) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} elapsed`;
}

function isRunning(animation: CardAnimation): boolean {
  return animation.status === "queued" || animation.status === "processing";
}

function extension(contentType: string | null): string {
  return contentType === "image/webp" ? "webp" : contentType === "image/gif" ? "gif" : "mp4";
}

export function animationFileName(card: CardView): string {
  return `snapmagic-card-${card.correlationId.slice(0, 8)}-animated.${extension(card.animation?.videoContentType ?? null)}`;
}

/**
 * The finished animation over the card's art window: a muted, looping, inline video for `video/mp4`, an image for an
 * animated WebP or GIF. Null while there is none to play.
 */
export function renderAnimationMedia(card: CardView, actions: AnimationActions): HTMLElement | null {
  const animation = card.animation;
  if (animation?.status !== "completed" || !animation.videoUrl) return null;
  const url = actions.resolveUrl(animation.videoUrl);
  const label = `Animation of your card: ${card.prompt}`;
  let media: HTMLVideoElement | HTMLImageElement;
  if (animation.videoContentType?.startsWith("image/")) {
    media = h("img", { class: "card-animation-media", src: url, alt: label, decoding: "async" });
  } else {
    const video = h("video", { class: "card-animation-media", src: url, muted: true, loop: true, autoplay: playing, playsinline: true, preload: "auto", "aria-label": label });
    // The attribute sets the default; autoplay policies look at the property.
    video.muted = true;
    // Autoplay may not start an element made while the card was being redrawn: start it once it can play.
    video.addEventListener("canplay", () => { if (playing && video.paused) void video.play().catch(() => undefined); });
    media = video;
  }
  media.addEventListener("error", () => actions.animationFailed(card), { once: true });
  const overlay = h("div", { class: "card-animation", "data-playing": String(playing) }, media);
  overlay.hidden = !playing && media instanceof HTMLImageElement;
  return overlay;
}

/**
 * Below a finished card: "Animate" (until it has an animation), the time since it was asked for while it runs, and
 * once done a download and a button that stops or plays it (moving pictures must be stoppable: WCAG 2.2.2).
 */
export function renderAnimationControl(card: CardView, actions: AnimationActions, request: AnimationRequestState): HTMLElement {
  const animation = card.animation;
  const control = h("div", { class: "animation", "data-state": animation?.status ?? (request.sending ? "sending" : "none") });
  if (!animation) {
    const button = h("button", {
      type: "button",
      class: "button button-ghost animate-button",
      "aria-describedby": "animation-hint",
      "aria-disabled": request.sending ? "true" : undefined,
    }, request.sending ? "Starting the animation…" : "Animate");
    button.addEventListener("click", () => {
      if (!request.sending) actions.animate(card);
    });
    control.append(button, h("p", { class: "animation-hint", id: "animation-hint" }, "Turns your card's art into a short looping video. It takes a few minutes."));
    return control;
  }
  if (isRunning(animation)) {
    const elapsed = h("p", { class: "animation-elapsed", "data-requested-at": animation.requestedAt }, elapsedText(animation));
    control.append(h("div", { class: "animation-progress", "aria-hidden": "true" }, h("div", { class: "animation-progress-fill" })), elapsed);
    return control;
  }
  if (animation.status === "completed" && animation.videoUrl) {
    const url = actions.resolveUrl(animation.videoUrl);
    const download = h("a", { class: "button button-ghost", href: actions.downloadLink(url), download: animationFileName(card) }, "Download animation");
    const toggle = h("button", { type: "button", class: "button button-ghost animation-toggle", "aria-pressed": playing ? "false" : "true" },
      playing ? "Stop animation" : "Play animation");
    toggle.addEventListener("click", () => {
      playing = !playing;
      toggle.textContent = playing ? "Stop animation" : "Play animation";
      toggle.setAttribute("aria-pressed", playing ? "false" : "true");
      applyPlaying(toggle.closest(".result-card"));
    });
    control.append(download, toggle);
  }
  return control;
}

/** Plays or stops the animation drawn in the result: a video is paused, an animated image gives way to the still card. */
function applyPlaying(result: Element | null): void {
  const overlay = result?.querySelector<HTMLElement>(".card-animation");
  if (!overlay) return;
  overlay.dataset["playing"] = String(playing);
  const media = overlay.querySelector<HTMLVideoElement | HTMLImageElement>(".card-animation-media");
  if (media instanceof HTMLVideoElement) {
    overlay.hidden = false;
    if (playing) void media.play().catch(() => undefined);
    else media.pause();
  } else overlay.hidden = !playing;
}

/** Ticks every "elapsed" line on the page once a second; stops itself when there is none. */
let elapsedTimer: number | undefined;

export function keepElapsedTimesCurrent(): void {
  if (elapsedTimer !== undefined) return;
  elapsedTimer = window.setInterval(() => {
    const lines = document.querySelectorAll<HTMLElement>(".animation-elapsed[data-requested-at]");
    if (lines.length === 0) {
      window.clearInterval(elapsedTimer);
      elapsedTimer = undefined;
      return;
    }
    for (const line of lines) {
      const text = elapsedText({ requestedAt: line.dataset["requestedAt"] ?? "" } as CardAnimation);
      if (line.textContent !== text) line.textContent = text;
    }
  }, 1000);
}
