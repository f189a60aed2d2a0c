import type { Hands, Options, Results } from "@mediapipe/hands";
import type { HandObservation } from "./handLandmarks";

/** Where the Web serves the files build.mjs copied from node_modules/@mediapipe/hands. */
const mediaPipeFolder = "dist/mediapipe/";

/** The page and the fixture recorder run the same model with the same settings. */
export const handsOptions: Options = {
  maxNumHands: 1,
  modelComplexity: 1,
  minDetectionConfidence: 0.5,
  minTrackingConfidence: 0.5,
  selfieMode: false,
};

type HandsConstructor = typeof Hands;

let handsScript: Promise<HandsConstructor> | null = null;

/** hands.js is a classic script that defines a global `Hands`: added once, only when the camera is first turned on. */
function loadHandsScript(): Promise<HandsConstructor> {
  handsScript ??= new Promise<HandsConstructor>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(`${mediaPipeFolder}hands.js`, document.baseURI).toString();
    script.async = true;
    script.addEventListener("load", () => {
      const constructor = (window as unknown as { Hands?: HandsConstructor }).Hands;
      if (constructor) resolve(constructor);
      else reject(new Error("hands.js defined no Hands."));
    });
    script.addEventListener("error", () => reject(new Error("hands.js could not be loaded.")));
    document.head.append(script);
  }).catch((error: unknown) => {
    handsScript = null;
    throw error;
  });
  return handsScript;
}

/** The first hand MediaPipe found in a frame, or null. */
export function firstHand(results: Results, imageAspect: number): HandObservation | null {
  const landmarks = results.multiHandLandmarks?.[0];
  if (!landmarks || landmarks.length !== 21) return null;
  const label = results.multiHandedness?.[0]?.label;
  return { landmarks, handedness: label === "Left" ? "Left" : "Right", imageAspect };
}

/**
 * MediaPipe Hands behind one call: find the hand in a video frame. One instance serves the page's whole
 * life (its WASM and model take seconds to start), so turning the camera off and on again is quick.
 */
export class HandTracker {
  private pending: ((results: Results) => void) | null = null;

  private constructor(private readonly hands: Hands) {
    hands.onResults((results) => {
      const answer = this.pending;
      this.pending = null;
      answer?.(results);
    });
  }

  private static instance: Promise<HandTracker> | null = null;

  static load(): Promise<HandTracker> {
    HandTracker.instance ??= (async () => {
      const HandsClass = await loadHandsScript();
      const hands = new HandsClass({ locateFile: (file) => new URL(`${mediaPipeFolder}${file}`, document.baseURI).toString() });
      hands.setOptions(handsOptions);
      await hands.initialize();
      return new HandTracker(hands);
    })().catch((error: unknown) => {
      HandTracker.instance = null;
      throw error;
    });
    return HandTracker.instance;
  }

  /** Runs the model on the frame the video shows now (MediaPipe calls onResults before send settles). */
  async find(video: HTMLVideoElement): Promise<HandObservation | null> {
    const answer: { results: Results | null } = { results: null };
    this.pending = (results) => (answer.results = results);
    try {
      await this.hands.send({ image: video });
    } finally {
      this.pending = null;
    }
    const aspect = video.videoHeight > 0 ? video.videoWidth / video.videoHeight : 1;
    return answer.results ? firstHand(answer.results, aspect) : null;
  }
}
