// Starts Swagger UI on /docs. A file of its own, not an inline script, so the page works
// under the app's Content-Security-Policy (script-src 'self').
/* global SwaggerUIBundle */
(function start() {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    // No badge from the public validator: the page asks nothing of other hosts.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
}());
