import { cameraProblemOf, type CameraProblem } from "./cameraProblem";
import { HandTracker } from "./handTracker";
import { defaultHold, StableGesture, type HoldSettings } from "./stableGesture";
import { classifyThumb, type ThumbGesture } from "./thumbGesture";

export interface GestureCameraEvents {
  /** The camera shows its picture; the recognizer is being loaded. */
  cameraOn(): void;
  /** The recognizer runs: frames are being looked at. */
  watching(): void;
  /** Each looked-at frame: the gesture held so far and how far its hold is (0 to 1). */
  holding(gesture: ThumbGesture, fraction: number): void;
  /** A gesture was held long enough. The camera is already off. */
  detected(rating: "up" | "down"): void;
  /** The camera or the recognizer could not be used. The camera is already off. */
  failed(problem: CameraProblem): void;
}

/**
 * The camera on a video element, each frame through MediaPipe Hands and the thumb classifier, until a
 * gesture is held or stop() is called. Frames are only ever drawn in this page: nothing is uploaded.
 */
export class GestureCamera {
  private stream: MediaStream | null = null;
  /** Counts start() calls: a loop of an earlier start that wakes up late sees it is not current and ends. */
  private session = 0;
  private readonly hold: StableGesture;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly events: GestureCameraEvents,
    hold: HoldSettings = defaultHold,
  ) {
    this.hold = new StableGesture(hold);
  }

  private running = false;

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const session = ++this.session;
    const current = (): boolean => this.running && this.session === session;
    this.hold.reset();
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException("No mediaDevices", "NotSupportedError");
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      if (!current()) {
        stopTracks(stream);
        return;
      }
      this.stream = stream;
      this.video.srcObject = stream;
      await this.video.play();
    } catch (error) {
      if (current()) this.fail(cameraProblemOf(error));
      return;
    }
    this.events.cameraOn();

    let tracker: HandTracker;
    try {
      tracker = await HandTracker.load();
    } catch {
      if (current()) this.fail("recognizer");
      return;
    }
    if (!current()) return;
    this.events.watching();
    await this.watch(tracker, current);
  }

  /** Turns the camera off: every track stopped, the preview emptied. Safe to call at any time, more than once. */
  stop(): void {
    this.running = false;
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    this.video.srcObject = null;
  }

  private async watch(tracker: HandTracker, current: () => boolean): Promise<void> {
    while (current()) {
      // The control was taken off the page (another card, logged out): nobody sees this camera any more.
      if (!this.video.isConnected) return this.stop();
      let gesture: ThumbGesture;
      try {
        gesture = classifyThumb(await tracker.find(this.video));
      } catch {
        if (current()) this.fail("recognizer");
        return;
      }
      if (!current()) return;
      const now = performance.now();
      const decided = this.hold.observe(gesture, now);
      if (decided) {
        this.stop();
        this.events.detected(decided);
        return;
      }
      const { gesture: held, fraction } = this.hold.progress(now);
      this.events.holding(held, fraction);
      await nextFrame(this.video);
    }
  }

  private fail(problem: CameraProblem): void {
    this.stop();
    this.events.failed(problem);
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Resolves when the video has a new frame (or the next paint where requestVideoFrameCallback is missing). */
function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    if ("requestVideoFrameCallback" in video) video.requestVideoFrameCallback(() => resolve());
    else requestAnimationFrame(() => resolve());
  });
}
