"""The interactive API docs (/docs, /redoc), served whole from the installed packages.

FastAPI's default docs pages load Swagger UI and ReDoc from a CDN, so a
self-hosted or offline install shows a blank page. This is FastAPI's documented
recipe for self-hosted docs assets ("Custom Docs UI Static Assets"), with the
assets that the fastapi-offline package ships (Swagger UI, Apache-2.0; ReDoc,
MIT). A Content-Security-Policy keeps the pages to our own origin: ReDoc's
sidebar would otherwise fetch its maker's logo from the web.
"""

# No `from __future__ import annotations`: FastAPI evaluates the route annotations.

from importlib.resources import files

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_PATH = "/docs-assets"
# Both pages start their viewer with an inline script and style it inline; ReDoc's
# search runs in a worker it creates from a blob.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _assets() -> StaticFiles:
    folder = files("fastapi_offline") / "static"
    return StaticFiles(directory=str(folder))


def install_docs(app: FastAPI) -> None:
    """Add /docs (Swagger UI), /docs/oauth2-redirect and /redoc, with their assets under /docs-assets.

    ``app`` must be created with ``docs_url=None, redoc_url=None``.
    """
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"
    router = APIRouter(include_in_schema=False)

    def guarded(page: HTMLResponse) -> HTMLResponse:
        page.headers["Content-Security-Policy"] = DOCS_CSP
        return page

    @router.get("/docs")
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return guarded(
            get_swagger_ui_html(
                openapi_url=root + openapi_url,
                title=f"{app.title} - Swagger UI",
                oauth2_redirect_url=root + redirect_url,
                swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
                swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
                swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
                swagger_ui_parameters=app.swagger_ui_parameters,
            )
        )

    @router.get(redirect_url)
    async def swagger_ui_redirect() -> HTMLResponse:
        return guarded(get_swagger_ui_oauth2_redirect_html())

    @router.get("/redoc")
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return guarded(
            get_redoc_html(
                openapi_url=root + openapi_url,
                title=f"{app.title} - ReDoc",
                redoc_js_url=f"{root}{ASSETS_PATH}/redoc.standalone.js",
                redoc_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
                with_google_fonts=False,
            )
        )

    app.include_router(router)
    app.mount(ASSETS_PATH, _assets(), name="docs-assets")
