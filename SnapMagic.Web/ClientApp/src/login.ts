import { type ApiClient, ApiError } from "./api";
import { byId, h, setBusy, showText } from "./dom";
import { describeError, messages } from "./messages";
import { clearSession, loadSession, saveSession, type Session } from "./session";

/** What a page tells the login it shares with the other page. */
export interface LoginPage {
  /** Where the page keeps its session (session.ts): an attendee's and an organizer's login live apart. */
  storageKey?: string;
  /** Only the organizers' login opens this page (and the signed-in bar says so). */
  organizerOnly?: boolean;
  /** What the page shows only while logged in. */
  content: HTMLElement;
  /** Logged in, or back with a kept session: the content is showing. */
  entered(session: Session): void | Promise<void>;
  /** Logged out, expired or refused by the Api: the login form is showing again. */
  ended(): void | Promise<void>;
}

interface LoginFields {
  username: HTMLInputElement;
  password: HTMLInputElement;
  error: HTMLElement;
  button: HTMLButtonElement;
}

/**
 * The login both pages share: it draws the form into the page's empty #login-form (so both pages ask alike
 * and say the same when a login fails, and no form can send a password before the script runs) and the
 * signed-in bar with its "Log out" into #session-bar, keeps the session, and owns every way a session ends.
 */
export class Login {
  private current: Session | null;
  private expiryTimer: number | undefined;
  private readonly view = byId("login-view");
  private readonly sessionBar = byId("session-bar");
  private readonly form = byId<HTMLFormElement>("login-form");
  private readonly fields = renderFields(this.form);

  constructor(
    private readonly api: ApiClient,
    private readonly page: LoginPage,
  ) {
    this.current = loadSession(Date.now(), page.storageKey);
  }

  get session(): Session | null {
    return this.current;
  }

  start(): void {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
    const logOut = renderSessionBar(this.sessionBar, this.page.organizerOnly ? "Signed in as organizer" : "Signed in");
    logOut.addEventListener("click", () => void this.end(null));
    if (this.current) void this.enter(this.current);
    else this.showForm(null);
  }

  /** The Api no longer takes the session: back to the login form, saying so (once; a late answer after a log-out changes nothing). */
  sessionEnded(): void {
    if (this.current) void this.end(messages.sessionEnded);
  }

  /** Back to the login form; the message says why (null: the user logged out). */
  private async end(message: string | null): Promise<void> {
    window.clearTimeout(this.expiryTimer);
    this.current = null;
    clearSession(this.page.storageKey);
    this.showForm(message);
    await this.page.ended();
  }

  private showForm(message: string | null): void {
    this.page.content.hidden = true;
    this.sessionBar.hidden = true;
    this.view.hidden = false;
    showText(this.fields.error, message);
    this.fields.username.focus();
  }

  private async enter(session: Session): Promise<void> {
    this.view.hidden = true;
    this.page.content.hidden = false;
    this.sessionBar.hidden = false;
    window.clearTimeout(this.expiryTimer);
    // setTimeout holds at most ~24.8 days; tokens live 24 h.
    this.expiryTimer = window.setTimeout(() => this.sessionEnded(), Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1));
    await this.page.entered(session);
  }

  private async submit(): Promise<void> {
    const { username, password } = this.fields;
    const name = username.value.trim();
    if (!name || !password.value) {
      showText(this.fields.error, messages.missingCredentials);
      (name ? password : username).focus();
      return;
    }
    const session = await this.logIn(name, password.value);
    if (session) await this.enter(session);
  }

  /** The new session, or null with the reason shown under the form. */
  private async logIn(username: string, password: string): Promise<Session | null> {
    setBusy(this.fields.button, true, "Logging in…");
    showText(this.fields.error, null);
    try {
      const login = await this.api.login(username, password);
      if (this.page.organizerOnly && login.role !== "organizer") return this.refuse(messages.organizerOnly, this.fields.username);
      this.current = { token: login.token, sessionId: login.sessionId, expiresAt: Date.now() + login.expiresIn * 1000 };
      saveSession(this.current, this.page.storageKey);
      this.fields.password.value = "";
      return this.current;
    } catch (error) {
      const wrong = error instanceof ApiError && error.kind === "unauthorized";
      return this.refuse(wrong ? messages.wrongCredentials : describeError(error), this.fields.password);
    } finally {
      setBusy(this.fields.button, false, "Log in");
    }
  }

  private refuse(message: string, field: HTMLInputElement): null {
    showText(this.fields.error, message);
    field.focus();
    field.select();
    return null;
  }
}

function renderFields(form: HTMLFormElement): LoginFields {
  const fields: LoginFields = {
    username: h("input", { id: "username", name: "username", type: "text", autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true }),
    password: h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true }),
    error: h("p", { id: "login-error", class: "form-error", role: "alert", hidden: true }),
    button: h("button", { type: "submit", id: "login-button", class: "button button-primary button-wide" }, "Log in"),
  };
  form.replaceChildren(
    h("div", { class: "field" }, h("label", { for: "username" }, "Username"), fields.username),
    h("div", { class: "field" }, h("label", { for: "password" }, "Password"), fields.password),
    fields.error,
    fields.button,
  );
  return fields;
}

/** The signed-in bar: whose session this is, and "Log out" (returned). */
function renderSessionBar(bar: HTMLElement, note: string): HTMLButtonElement {
  const logOut = h("button", { type: "button", id: "logout", class: "button button-ghost" }, "Log out");
  bar.replaceChildren(h("span", { class: "session-note" }, note), logOut);
  return logOut;
}
