// fauxqs (SQS and S3 on one port) on 127.0.0.1:$PORT (0: a port the system picks, printed in the line below, which the
// tests read). Its CLI always listens on 0.0.0.0, so this runs its app.
// Queue URLs it hands out name the host sqs.{region}.localhost; SnapMagic's SQS client never dials them.
import { buildApp } from "fauxqs";

const port = Number(process.env.PORT);
const app = buildApp({ logger: false });
await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening on 127.0.0.1:${app.server.address().port}`);
