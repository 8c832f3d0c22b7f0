// GraphiQL on a GraphQL project's API page, pointed at the project's mock (the CSP forbids
// inline script, so it starts from here). React, ReactDOM and GraphiQL come from static/vendor.
(function () {
  "use strict";

  function start() {
    var root = document.getElementById("graphiql");
    if (!root || !window.GraphiQL || !window.React || !window.ReactDOM) return;
    var fetcher = window.GraphiQL.createFetcher({
      url: root.dataset.mockUrl,
      fetch: function (url, init) {
        // The mock takes no cookies: never send them.
        return window.fetch(url, Object.assign({}, init, { credentials: "omit" }));
      },
    });
    root.replaceChildren();
    window.ReactDOM.createRoot(root).render(
      window.React.createElement(window.GraphiQL, {
        fetcher: fetcher,
        defaultQuery: root.dataset.query || undefined,
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false,
      })
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
