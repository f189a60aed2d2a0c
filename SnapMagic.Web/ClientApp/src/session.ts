/** The login, kept in localStorage so a reload keeps the attendee (or organizer) signed in until the token expires. */
export interface Session {
  token: string;
  sessionId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const attendeeKey = "snapmagic.session";

/** Where the organizer's login is kept: apart from an attendee's login in the same browser. */
export const organizerKey = "snapmagic.organizer";

export function loadSession(now = Date.now(), storageKey = attendeeKey): Session | null {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return null;
    const session = JSON.parse(raw) as Partial<Session>;
    if (typeof session.token !== "string" || typeof session.expiresAt !== "number" || session.expiresAt <= now) {
      localStorage.removeItem(storageKey);
      return null;
    }
    return { token: session.token, sessionId: typeof session.sessionId === "string" ? session.sessionId : "", expiresAt: session.expiresAt };
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storageKey = attendeeKey): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(session));
  } catch {
    // Private mode or a full storage: the session then lasts until the page is closed.
  }
}

export function clearSession(storageKey = attendeeKey): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Nothing stored.
  }
}
