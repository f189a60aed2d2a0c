import { h } from "../dom";
import type { CardView } from "../types";

const statusLabels: Record<CardView["status"], string> = {
  queued: "Queued",
  processing: "Painting",
  completed: "Ready",
  failed: "Failed",
};

function createdTime(card: CardView): string {
  const date = new Date(card.createdAt);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** One "My cards" entry: a button that shows the card large. */
export function renderGalleryItem(card: CardView, current: boolean, resolveUrl: (url: string) => string, open: (card: CardView) => void): HTMLLIElement {
  const picture = card.status === "completed" && card.imageUrl
    ? h("img", { class: "gallery-thumb", src: resolveUrl(card.imageUrl), alt: "", loading: "lazy", decoding: "async" })
    : h("span", { class: `gallery-thumb gallery-thumb-${card.status}`, "aria-hidden": "true" }, "✦");
  const button = h("button", { type: "button", class: "gallery-card", "aria-current": current ? "true" : undefined },
    picture,
    h("span", { class: "gallery-prompt" }, card.prompt),
    h("span", { class: "gallery-meta" },
      h("span", { class: `badge badge-${card.status}` }, statusLabels[card.status]),
      h("span", { class: "gallery-time" }, createdTime(card))));
  button.addEventListener("click", () => open(card));
  return h("li", { class: "gallery-item", "data-card-id": card.correlationId }, button);
}
