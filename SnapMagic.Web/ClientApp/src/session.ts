/**
 * The login. An attendee's is kept in localStorage, so a reload keeps them signed in until the token expires; an
 * organizer's only in sessionStorage, so closing the tab on a shared booth device signs the organizer out.
 */
export interface Session {
  token: string;
  sessionId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const attendeeKey = "snapmagic.session";

/** Where the organizer's login is kept: apart from an attendee's login in the same browser. */
export const organizerKey = "snapmagic.organizer";

function storageFor(storageKey: string): Storage {
  return storageKey === organizerKey ? sessionStorage : localStorage;
}

export function loadSession(now = Date.now(), storageKey = attendeeKey): Session | null {
  try {
    const raw = storageFor(storageKey).getItem(storageKey);
    if (!raw) return null;
    const session = JSON.parse(raw) as Partial<Session>;
    if (typeof session.token !== "string" || typeof session.expiresAt !== "number" || session.expiresAt <= now) {
      storageFor(storageKey).removeItem(storageKey);
      return null;
    }
    return { token: session.token, sessionId: typeof session.sessionId === "string" ? session.sessionId : "", expiresAt: session.expiresAt };
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storageKey = attendeeKey): void {
  try {
    storageFor(storageKey).setItem(storageKey, JSON.stringify(session));
  } catch {
    // Private mode or a full storage: the session then lasts until the page is closed.
  }
}

export function clearSession(storageKey = attendeeKey): void {
  try {
    storageFor(storageKey).removeItem(storageKey);
  } catch {
    // Nothing stored.
  }
}
