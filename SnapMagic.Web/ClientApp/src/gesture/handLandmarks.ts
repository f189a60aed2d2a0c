/** One of MediaPipe Hands' 21 landmarks: x and y are fractions of the image's width and height (y grows downwards). */
export interface HandPoint {
  x: number;
  y: number;
  z: number;
}

/** One hand as MediaPipe Hands reports it, with the image's width / height so distances can be made square. */
export interface HandObservation {
  landmarks: readonly HandPoint[];
  /** MediaPipe's "Left" or "Right" (as seen in an unmirrored image). */
  handedness: "Left" | "Right";
  imageAspect: number;
}

/** MediaPipe's landmark numbering (google.github.io/mediapipe/solutions/hands: hand landmark model). */
export const landmark = {
  wrist: 0,
  thumbCmc: 1,
  thumbMcp: 2,
  thumbIp: 3,
  thumbTip: 4,
  indexMcp: 5,
  middleMcp: 9,
} as const;

/** MCP, PIP, DIP and tip of the index, middle, ring and little fingers. */
export const fingers = [
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
  [17, 18, 19, 20],
] as const;
