import type { CardRating } from "../types";

const svgNs = "http://www.w3.org/2000/svg";
// A thumb up on a 24×24 grid: the cuff, then the hand; "down" is the same shape turned over.
const cuff = "M2.5 10.5h3.5v10H2.5z";
const hand = "M8 20.5h8.6a2 2 0 0 0 1.95-1.55l1.5-6.5A2 2 0 0 0 18.1 10H14l.8-3.7a1.8 1.8 0 0 0-3.2-1.5L8 10z";

/** A thumbs-up or thumbs-down icon drawn as SVG (emoji fonts are not everywhere); decorative, so hidden from screen readers. */
export function thumbIcon(rating: CardRating): SVGSVGElement {
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `thumb thumb-${rating}`);
  for (const d of [cuff, hand]) {
    const path = document.createElementNS(svgNs, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}
