import { messages } from "./messages";

/** Reads config.json (where the Api is) at <paramref name="url"/>; null, with the banner shown, when it cannot. */
export async function readApiUrl(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    const config = (await response.json()) as { apiUrl?: unknown };
    if (!response.ok || typeof config.apiUrl !== "string") throw new Error("config");
    return config.apiUrl.replace(/\/+$/, "");
  } catch {
    const banner = document.getElementById("banner");
    if (banner) {
      banner.textContent = messages.cannotStart;
      banner.hidden = false;
    }
    return null;
  }
}
