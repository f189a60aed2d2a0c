import { h } from "../dom";
import { releaseGestureCamera, renderGestureRating } from "../gesture/gestureRating";
import { isContentFilterBlock } from "../messages";
import { thumbIcon } from "./thumbIcon";
import type { CardRating, CardView, RatingSource } from "../types";
import { renderAnimationControl, renderAnimationMedia, type AnimationActions, type AnimationRequestState } from "./animationView";

export interface ResultActions extends AnimationActions {
  /** A failed card: make it again with the same prompt (a new attempt). */
  retry(card: CardView): void;
  /** A failed card: put its prompt back in the prompt box to be changed. */
  edit(card: CardView): void;
  /** Where "Download" points: a link the server answers as an attachment with the card's file name. */
  downloadLink(url: string): string;
  imageFailed(card: CardView, image: HTMLImageElement): void;
  resolveUrl(url: string): string;
  /** A completed card: the owner's thumbs up or down (pressing the other one changes it), by button or gesture. */
  rate(card: CardView, rating: CardRating, source: RatingSource): void;
  /** Whether the page is still sending this card's "Animate". */
  animationRequest(card: CardView): AnimationRequestState;
}

const steps = [
  { label: "Queued", reached: 0 },
  { label: "Painting", reached: 1 },
  { label: "Ready", reached: 2 },
] as const;

export function downloadFileName(card: CardView): string {
  return `snapmagic-card-${card.correlationId.slice(0, 8)}.png`;
}

/** What the status line (an aria-live region) says about a card. */
export function statusText(card: CardView | null): string {
  if (!card) return "";
  switch (card.status) {
    case "queued":
      if (card.queuePosition === null) return "Queued: your card is in line for the artist.";
      if (card.queuePosition <= 0) return "Queued: your card is next.";
      return card.queuePosition === 1
        ? "Queued: 1 card is ahead of yours."
        : `Queued: ${card.queuePosition} cards are ahead of yours.`;
    case "processing":
      return "Painting your card… this takes a few seconds.";
    case "completed":
      // Derived from the card, so a later render (a push, a poll, a reconnect) keeps the thanks.
      if (card.rating === "up") return "Thanks! You gave your card a thumbs up.";
      if (card.rating === "down") return "Thanks! You gave your card a thumbs down.";
      return "Your card is ready!";
    case "failed":
      // The filter may stop the prompt or the finished picture: say "card", which is true of both.
      return isContentFilterBlock(card.error) ? "Your card was blocked by the content filter." : "Sorry, your card could not be made.";
  }
}

function progress(card: CardView): HTMLElement {
  const reached = card.status === "queued" ? 0 : card.status === "processing" ? 1 : 2;
  const percent = card.status === "queued" ? 15 : card.status === "processing" ? 60 : 100;
  const bar = h("div", {
    class: `progress progress-${card.status}`,
    role: "progressbar",
    "aria-label": "Card progress",
    "aria-valuemin": "0",
    "aria-valuemax": "100",
    "aria-valuenow": String(percent),
    "aria-valuetext": steps[reached]?.label ?? "",
  }, h("div", { class: "progress-fill" }));
  bar.style.setProperty("--progress", `${percent}%`);

  const stepList = h("ol", { class: "steps" }, ...steps.map((step) => {
    const state = step.reached < reached || card.status === "completed" ? "done" : step.reached === reached ? "current" : "todo";
    return h("li", { class: `step step-${state}`, "aria-current": state === "current" ? "step" : undefined },
      h("span", { class: "step-dot", "aria-hidden": "true" }), step.label);
  }));
  return h("div", { class: "progress-block" }, stepList, bar);
}

function quote(card: CardView): HTMLElement {
  return h("p", { class: "result-prompt" }, h("span", { class: "visually-hidden" }, "Prompt: "), card.prompt);
}

const ratingChoices = [
  { rating: "up", label: "Thumbs up" },
  { rating: "down", label: "Thumbs down" },
] as const;

/** Two toggle buttons in a labelled group: the pressed one is the card's rating; Tab and Enter/Space work as for any button. */
function ratingButtons(card: CardView, actions: ResultActions): HTMLElement {
  const buttons = ratingChoices.map((choice) => {
    const pressed = card.rating === choice.rating;
    const button = h("button", {
      type: "button",
      class: `rate-button rate-${choice.rating}`,
      "aria-pressed": pressed ? "true" : "false",
      "aria-label": choice.label,
      title: choice.label,
    }, thumbIcon(choice.rating));
    button.addEventListener("click", () => {
      if (!pressed) actions.rate(card, choice.rating, "button");
    });
    return button;
  });
  return h("div", { class: "rating", role: "group", "aria-label": "Rate this card" },
    h("span", { class: "rating-label", "aria-hidden": "true" }, "Rate it"), ...buttons);
}

export function renderEmpty(): HTMLElement {
  releaseGestureCamera();
  return h("div", { class: "result-empty" },
    h("div", { class: "result-empty-card", "aria-hidden": "true" }, "✦"),
    h("p", {}, "Your card will appear here. Type a prompt and press “Generate card”."));
}

export function renderCard(card: CardView, actions: ResultActions): HTMLElement {
  // The result is drawn anew (another card, a new state): a camera the old drawing turned on goes off.
  releaseGestureCamera();
  if (card.status === "completed" && card.imageUrl) {
    const url = actions.resolveUrl(card.imageUrl);
    const image = h("img", { class: "card-image", src: url, alt: `Your SnapMagic card: ${card.prompt}`, decoding: "async" });
    image.addEventListener("error", () => actions.imageFailed(card, image), { once: true });
    const link = h("a", { class: "button button-primary", href: actions.downloadLink(url), download: downloadFileName(card) }, "Download");
    return h("div", { class: "result-card" },
      h("figure", { class: "card-figure" }, h("div", { class: "card-stage" }, image, renderAnimationMedia(card, actions))),
      quote(card),
      h("div", { class: "result-actions" }, link, ratingButtons(card, actions),
        h("div", { class: "animation-slot" }, renderAnimationControl(card, actions, actions.animationRequest(card))),
        renderGestureRating((rating) => actions.rate(card, rating, "gesture"))));
  }

  if (card.status === "failed") {
    const blocked = isContentFilterBlock(card.error);
    const change = h("button", { type: "button", class: blocked ? "button button-primary" : "button button-ghost" }, "Change the prompt");
    change.addEventListener("click", () => actions.edit(card));
    const retry = h("button", { type: "button", class: "button button-primary" }, "Try again");
    retry.addEventListener("click", () => actions.retry(card));
    // The filter's verdict is final; any other failure may be the service's or the prompt's: offer both.
    const buttons = blocked ? [change] : [retry, change];
    return h("div", { class: "result-failed" },
      quote(card),
      h("div", { class: "notice notice-error" },
        h("p", { class: "notice-title" }, blocked ? "Blocked by the content filter" : "Generation failed"),
        h("p", {}, card.error ?? "The image model could not paint this card."),
        blocked ? null : h("p", {}, "You can try again with the same prompt, or change it.")),
      h("div", { class: "result-actions" }, ...buttons));
  }

  return h("div", { class: "result-progress" },
    h("div", { class: `result-placeholder result-placeholder-${card.status}`, "aria-hidden": "true" }, h("span", {}, "✦")),
    quote(card),
    progress(card));
}

/**
 * Only the card's animation changed (a push while it is made): redraw that part alone, so the rest of the card, a
 * gesture camera that is on, and the keyboard focus elsewhere in the card stay as they are. False when the card is not
 * drawn as a finished card (draw it whole then).
 */
export function updateAnimation(body: HTMLElement, card: CardView, actions: ResultActions): boolean {
  const stage = body.querySelector<HTMLElement>(".card-stage");
  const slot = body.querySelector<HTMLElement>(".animation-slot");
  if (!stage || !slot) return false;
  stage.querySelector(".card-animation")?.remove();
  const media = renderAnimationMedia(card, actions);
  if (media) stage.append(media);
  slot.replaceChildren(renderAnimationControl(card, actions, actions.animationRequest(card)));
  return true;
}
