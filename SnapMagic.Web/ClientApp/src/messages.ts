import { ApiError } from "./api";

/** Every error the page shows, in words an attendee understands. */
export const messages = {
  cannotStart: "SnapMagic can't start right now. Check your Wi-Fi or network connection, then reload the page.",
  network: "We can't reach SnapMagic right now. Check your Wi-Fi or network connection, then try again.",
  offline: "You're offline. SnapMagic will carry on when your connection is back.",
  server: "Something went wrong on our side. Please try again in a moment.",
  wrongCredentials: "Wrong username or password. Please check them and try again.",
  missingCredentials: "Please enter both the username and the password.",
  organizerOnly: "These are an attendee's login details. The dashboard needs the organizer's.",
  sessionEnded: "Your session has ended. Please log in again.",
  invalid: "SnapMagic could not accept that. Please check your prompt and try again.",
  cardMissing: "This card can no longer be found.",
  imageMissing: "The card image could not be loaded. Please try again in a moment.",
  rateLimited(seconds: number | null): string {
    if (seconds === null) return "You've made a lot of cards in a short time. Please wait a minute, then try again.";
    return `You've made a lot of cards in a short time. Please wait ${describeWait(seconds)}, then try again.`;
  },
};

export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** Words for a failed call; ApiError says what happened, anything else is our bug and says nothing technical. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return messages.server;
  switch (error.kind) {
    case "network":
      return navigator.onLine ? messages.network : messages.offline;
    case "unauthorized":
      return messages.sessionEnded;
    case "rateLimited":
      return messages.rateLimited(error.retryAfterSeconds);
    case "invalid":
      return error.detail ?? messages.invalid;
    case "notFound":
      return messages.cardMissing;
    case "server":
      return messages.server;
  }
}

/** A failed card's error names the content filter when the image model refused the prompt. */
export function isContentFilterBlock(error: string | null): boolean {
  return !!error && /content[\s-]*filter|blocked|moderation|safety|not allowed|policy/i.test(error);
}
