// graphql-js picks its `instanceof` once, when it is first loaded. The development one (NODE_ENV
// unset, as under `npm start`) re-checks every failed type test for a second copy of graphql, on
// every field of every answer. Imported first by main.ts, this loads graphql in production mode and
// puts NODE_ENV back: NODE_ENV=production also means "no embedded conveniences" (libs/config).
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must run between the two assignments
  require('graphql');
} finally {
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}

export {};
