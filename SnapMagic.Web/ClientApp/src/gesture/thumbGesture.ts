import { fingers, landmark, type HandObservation, type HandPoint } from "./handLandmarks";

export type ThumbGesture = "up" | "down" | "none";

/**
 * Thresholds as fractions of the palm's length (wrist to middle-finger MCP), so they hold for a hand near or
 * far from the camera. Tuned on the recorded photos in tests/…/Gesture/Fixtures.
 */
export const thumbRules = {
  /** The thumb tip must be this far beyond (above for up, below for down) every joint of the other fingers. */
  tipBeyondFingers: 0.25,
  /** …and point mostly along the vertical: |dy| of thumb MCP→tip at least this many times |dx|. */
  verticalOverHorizontal: 1.0,
  /**
   * …or, failing the wrist test, when its tip is nearer its own MCP than this (recorded: curled fingers 0.14 to
   * 0.36, an open hand's little finger 0.69).
   */
  curledTipToMcp: 0.5,
} as const;

interface Point2 {
  x: number;
  y: number;
}

function square(point: HandPoint, aspect: number): Point2 {
  return { x: point.x * aspect, y: point.y };
}

function distance(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * A curled finger folds its tip back towards the palm: the tip is nearer the wrist than its PIP joint, or
 * close to its own knuckle (MCP). An extended finger has its tip farthest out.
 */
function isCurled(points: readonly Point2[], finger: readonly [number, number, number, number], palm: number): boolean {
  const [mcp, pip, , tip] = finger.map((index) => points[index]!) as [Point2, Point2, Point2, Point2];
  const wrist = points[landmark.wrist]!;
  return distance(tip, wrist) < distance(pip, wrist) || distance(tip, mcp) < thumbRules.curledTipToMcp * palm;
}

/**
 * Thumbs up, thumbs down or neither, from one hand's 21 landmarks: the four fingers curled and the thumb
 * sticking out vertically past all of them. An open hand, a fist (thumb tucked across the fingers), a
 * pointing finger and a missing hand are all "none". Handedness does not matter: up and down read the same
 * on either hand.
 */
export function classifyThumb(hand: HandObservation | null): ThumbGesture {
  if (!hand || hand.landmarks.length !== 21) return "none";
  const aspect = hand.imageAspect > 0 && Number.isFinite(hand.imageAspect) ? hand.imageAspect : 1;
  const points = hand.landmarks.map((point) => square(point, aspect));
  const palm = distance(points[landmark.wrist]!, points[landmark.middleMcp]!);
  if (!(palm > 0)) return "none";

  if (!fingers.every((finger) => isCurled(points, finger, palm))) return "none";

  const tip = points[landmark.thumbTip]!;
  const mcp = points[landmark.thumbMcp]!;
  const dx = tip.x - mcp.x;
  const dy = tip.y - mcp.y;
  if (Math.abs(dy) < thumbRules.verticalOverHorizontal * Math.abs(dx)) return "none";

  const fingerYs = fingers.flat().map((index) => points[index]!.y);
  const margin = thumbRules.tipBeyondFingers * palm;
  if (dy < 0 && tip.y < Math.min(...fingerYs) - margin) return "up";
  if (dy > 0 && tip.y > Math.max(...fingerYs) + margin) return "down";
  return "none";
}
