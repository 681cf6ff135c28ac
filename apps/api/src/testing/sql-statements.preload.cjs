// Test support, preloaded into the API process (`node --require`): counts the SQL statements each
// HTTP request sends through `pg` (read models and event store alike) and reports the count in the
// response header `x-sql-statements`. AsyncLocalStorage ties a statement to the request whose
// async context issued it, so the projector's own polling in the same process is not counted.
const { AsyncLocalStorage } = require('node:async_hooks');
const http = require('node:http');
const pg = require('pg');

const requests = new AsyncLocalStorage();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  const counter = requests.getStore();
  if (counter) counter.statements += 1;
  return query.apply(this, args);
};

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitCounted(event, ...args) {
  if (event !== 'request') return emit.call(this, event, ...args);
  const [, response] = args;
  const counter = { statements: 0 };
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadCounted(...headArgs) {
    if (!response.headersSent) response.setHeader('x-sql-statements', String(counter.statements));
    return writeHead.apply(this, headArgs);
  };
  return requests.run(counter, () => emit.call(this, event, ...args));
};
