import { App } from "./app";
import { readApiUrl } from "./config";

/** Reads /config.json (where the Api is), then starts the page. */
async function main(): Promise<void> {
  const apiUrl = await readApiUrl("config.json");
  if (apiUrl) new App(apiUrl).start();
}

void main();
