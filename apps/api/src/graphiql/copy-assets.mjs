// Build step of apps/api: copies GraphiQL's browser files from our own (dev) dependencies into
// dist/graphiql/assets, so the production image serves the IDE without those packages or a CDN.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.resolve(here, '../../dist/graphiql/assets');
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

const files = [
  path.join(packageDir('react'), 'umd/react.production.min.js'),
  path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  path.join(packageDir('graphiql'), 'graphiql.min.js'),
  path.join(packageDir('graphiql'), 'graphiql.min.css'),
  path.join(here, 'start-graphiql.js'),
  path.join(here, 'start-graphiql.css'),
];
mkdirSync(target, { recursive: true });
for (const source of files) copyFileSync(source, path.join(target, path.basename(source)));
console.log(`graphiql: ${files.length} files copied to ${path.relative(process.cwd(), target)}`);
