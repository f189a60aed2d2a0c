import { readClientConfig } from "./config";
import { Dashboard } from "./organizer/dashboard";

/** The organizer's page (/organizer/): reads ../config.json (where the Api is), then starts the dashboard. */
async function main(): Promise<void> {
  const config = await readClientConfig("../config.json");
  if (config) new Dashboard(config.apiUrl).start();
}

void main();
