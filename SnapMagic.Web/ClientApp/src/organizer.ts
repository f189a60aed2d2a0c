import { readApiUrl } from "./config";
import { Dashboard } from "./organizer/dashboard";

/** The organizer's page (/organizer/): reads ../config.json (where the Api is), then starts the dashboard. */
async function main(): Promise<void> {
  const apiUrl = await readApiUrl("../config.json");
  if (apiUrl) new Dashboard(apiUrl).start();
}

void main();
