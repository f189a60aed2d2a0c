/** Why the camera could not be used, sorted into what the attendee can do about it. */
export type CameraProblem = "denied" | "noCamera" | "busy" | "unsupported" | "recognizer";

/** getUserMedia's DOMException names (and a missing mediaDevices on a page that is not https) to a problem. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "noCamera";
    case "NotReadableError":
    case "AbortError":
      return "busy";
    default:
      return "unsupported";
  }
}

/** One readable line per problem; each says the buttons still work. */
export const cameraProblemText: Record<CameraProblem, string> = {
  denied: "Camera access was not allowed, so gesture rating is off. The thumbs buttons still work.",
  noCamera: "No camera was found. Use the thumbs buttons to rate your card.",
  busy: "The camera is in use by another app. Close it and try again, or use the thumbs buttons.",
  unsupported: "This browser can't share its camera with the page. Use the thumbs buttons to rate your card.",
  recognizer: "Hand recognition could not start on this device. Use the thumbs buttons to rate your card.",
};
