"""`/docs`: Swagger UI from the vendored copy under `static/vendor/swagger-ui/`, so the API
documentation works offline and under the app's Content-Security-Policy (no CDN, no inline
script: the page's only code is `js/docs.js`, which reads the schema URL from the page)."""

from __future__ import annotations

from html import escape

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

DOCS_PATH = "/docs"
ASSETS = (
    "/vendor/swagger-ui/swagger-ui.css",
    "/vendor/swagger-ui/swagger-ui-bundle.js",
    "/js/docs.js",
)

_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} — API</title>
  <link rel="stylesheet" href="{css}">
</head>
<body>
  <div id="swagger-ui" data-openapi-url="{openapi}"></div>
  <script src="{bundle}"></script>
  <script src="{init}"></script>
</body>
</html>
"""


def page(title: str, openapi_url: str) -> str:
    css, bundle, init = ASSETS
    return _PAGE.format(
        title=escape(title), openapi=escape(openapi_url), css=css, bundle=bundle, init=init
    )


def install(app: FastAPI) -> None:
    """Serve `/docs` (create the app with `docs_url=None`, so FastAPI's CDN page is off)."""
    html = page(app.title, app.openapi_url or "/openapi.json")

    @app.get(DOCS_PATH, include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse(html)
