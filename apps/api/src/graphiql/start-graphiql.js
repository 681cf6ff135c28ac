// Boots GraphiQL (UMD globals React, ReactDOM, GraphiQL) against this server's /graphql.
// Headers (e.g. Authorization: Bearer ...) go in the editor's Headers tab; they are not persisted.
(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
