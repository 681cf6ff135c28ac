import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/** Where the API serves GraphiQL's files (copied from our own dependencies at build time). */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/assets';
export const GRAPHIQL_ASSETS_DIR = path.join(__dirname, 'assets');

/**
 * The IDE at GET /graphql (Accept: text/html) instead of Apollo's or Nest's landing pages, which
 * load React and GraphiQL from a public CDN and stay blank on a locked-down network. Every file
 * comes from GRAPHIQL_ASSETS_PATH; the page holds no inline script so a strict CSP can allow it.
 */
export function offlineGraphiqlPlugin(): ApolloServerPlugin {
  const asset = (name: string) => `${GRAPHIQL_ASSETS_PATH}/${name}`;
  const html = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>par-index GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
    <link rel="stylesheet" href="${asset('start-graphiql.css')}" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${asset('start-graphiql.js')}"></script>
  </body>
</html>
`;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
