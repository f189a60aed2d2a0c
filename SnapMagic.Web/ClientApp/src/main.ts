import { App } from "./app";
import { messages } from "./messages";

/** Reads /config.json (where the Api is), then starts the page. */
async function main(): Promise<void> {
  let apiUrl: string;
  let hubSkipNegotiation: boolean;
  try {
    const response = await fetch("config.json", { cache: "no-store" });
    const config = (await response.json()) as { apiUrl?: unknown; hubSkipNegotiation?: unknown };
    if (!response.ok || typeof config.apiUrl !== "string") throw new Error("config");
    apiUrl = config.apiUrl.replace(/\/+$/, "");
    hubSkipNegotiation = config.hubSkipNegotiation === true;
  } catch {
    const banner = document.getElementById("banner");
    if (banner) {
      banner.textContent = messages.cannotStart;
      banner.hidden = false;
    }
    return;
  }
  new App(apiUrl, hubSkipNegotiation).start();
}

void main();
