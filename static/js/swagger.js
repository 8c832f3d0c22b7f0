// Swagger UI on a project's API page (the CSP forbids inline script, so it starts from here).
// "Try it out" sends requests to the document's server: the project's mock server.
(function () {
  "use strict";

  function start() {
    var root = document.getElementById("swagger-ui");
    if (!root || typeof window.SwaggerUIBundle !== "function") return;
    root.replaceChildren();
    window.SwaggerUIBundle({
      url: root.dataset.specUrl,
      domNode: root,
      deepLinking: true,
      validatorUrl: null, // never ask a third-party validator about the document
      defaultModelsExpandDepth: 0,
      displayRequestDuration: true,
      supportedSubmitMethods: ["get", "post", "put", "patch", "delete"],
      requestInterceptor: function (request) {
        request.credentials = "omit"; // the mock server needs no cookies
        return request;
      },
      onComplete: function () {
        // Swagger UI shows "Servers" above its select without tying them together.
        var servers = root.querySelector("select#servers");
        if (servers) servers.setAttribute("aria-label", "Server to send requests to");
      },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
