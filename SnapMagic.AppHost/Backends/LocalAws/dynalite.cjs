// dynalite (the DynamoDB API) in memory on 127.0.0.1:$PORT (0: a port the system picks, printed in the line below, which
// the tests read); new tables stay CREATING only briefly.
const port = Number(process.env.PORT);
const server = require("dynalite")({ createTableMs: 50, deleteTableMs: 50, updateTableMs: 50 });
server.listen(port, "127.0.0.1", () => console.log(`dynalite listening on 127.0.0.1:${server.address().port}`));
