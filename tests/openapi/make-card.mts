// Makes a card through a client generated from the Api's OpenAPI document (openapi-fetch + the generated types):
// logs in, POSTs a card, GETs it back, and prints what it got as one JSON line.
// Usage: node tests/openapi/make-card.mts <api base URL> <username> <password> <prompt>
import createClient from "openapi-fetch";
import type { paths } from "../../SnapMagic.Web/ClientApp/src/generated/api.ts";

const [baseUrl, username, password, prompt] = process.argv.slice(2);
if (!baseUrl || !username || !password || !prompt) {
  console.error("usage: make-card.mts <api base URL> <username> <password> <prompt>");
  process.exit(2);
}

const api = createClient<paths>({ baseUrl });

const login = await api.POST("/api/auth/login", { body: { username, password } });
if (!login.data) throw new Error(`login answered ${login.response.status}`);
const headers = { Authorization: `Bearer ${login.data.token}` };

const created = await api.POST("/api/cards", { body: { prompt }, headers, params: { header: { "Idempotency-Key": crypto.randomUUID() } } });
if (!created.data) throw new Error(`POST /api/cards answered ${created.response.status}`);

const read = await api.GET("/api/cards/{correlationId}", { params: { path: { correlationId: created.data.correlationId } }, headers });
if (!read.data) throw new Error(`GET /api/cards/{correlationId} answered ${read.response.status}`);

console.log(JSON.stringify({
  acceptedStatus: created.response.status,
  location: created.response.headers.get("Location"),
  correlationId: read.data.correlationId,
  status: read.data.status,
  prompt: read.data.prompt,
}));
