// Draws the API reference from the OpenAPI description with Swagger UI (served by the site itself).
// Without JavaScript the page keeps its link to the description.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  const mount = document.getElementById("api-reference");
  if (!mount || typeof SwaggerUIBundle !== "function") {
    return;
  }
  SwaggerUIBundle({
    url: mount.dataset.schemaUrl,
    domNode: mount,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    validatorUrl: null,
  });
});
