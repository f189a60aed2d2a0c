import { messages } from "./messages";

/** What the page reads from config.json before it talks to the Api. */
export interface ClientConfig {
  /** Where the Api is, without a trailing slash. */
  apiUrl: string;
  /** Open the hub's WebSocket without SignalR's negotiate request (Api replicas without sticky sessions). */
  hubSkipNegotiation: boolean;
}

/** Reads config.json at <paramref name="url"/>; null, with the banner shown, when it cannot. */
export async function readClientConfig(url: string): Promise<ClientConfig | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    const config = (await response.json()) as { apiUrl?: unknown; hubSkipNegotiation?: unknown };
    if (!response.ok || typeof config.apiUrl !== "string") throw new Error("config");
    return { apiUrl: config.apiUrl.replace(/\/+$/, ""), hubSkipNegotiation: config.hubSkipNegotiation === true };
  } catch {
    const banner = document.getElementById("banner");
    if (banner) {
      banner.textContent = messages.cannotStart;
      banner.hidden = false;
    }
    return null;
  }
}
