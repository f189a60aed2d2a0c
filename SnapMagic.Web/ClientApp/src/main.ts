import { App } from "./app";
import { readClientConfig } from "./config";

/** Reads /config.json (where the Api is), then starts the page. */
async function main(): Promise<void> {
  const config = await readClientConfig("config.json");
  if (config) new App(config.apiUrl, config.hubSkipNegotiation).start();
}

void main();
