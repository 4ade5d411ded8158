"""One server, one process, one Assistant:

- the public page at / and the staff console at /staff (Gradio; pages.py),
- the REST API at /api/v1 (api.py; its OpenAPI at /api/docs), the OpenAI-compatible endpoint at
  /v1 (openai_compat.py), the calendar feed /calendar.ics (calendar_feed.py) and the chat widget
  /embed.js, /embed (widget.py),

all behind the shield (bodies, origins, sessions, headers) and the staff login's guard."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.interfaces import api_errors
from assistant.interfaces.api import rest_router
from assistant.interfaces.api_access import Access
from assistant.interfaces.api_errors import ApiError
from assistant.interfaces.backend import Backend
from assistant.interfaces.calendar_feed import calendar_router
from assistant.interfaces.guard import LoginGuard, weak_password
from assistant.interfaces.limits import MAX_UPLOAD
from assistant.interfaces.openai_compat import openai_router
from assistant.interfaces.pages import CSS, build_public, build_staff
from assistant.interfaces.shield import Shield, ShieldSettings
from assistant.interfaces.widget import widget_router

log = logging.getLogger("app")
API_PREFIXES = ("/api", "/v1")  # everything under them answers in JSON, an unknown path included


def http_api(backend: Backend) -> FastAPI:
    """The routes that are not Gradio's, on the app the Gradio pages are then mounted on."""
    settings = backend.bot.settings
    server = FastAPI(title="科创中国榜单问答 API", version="1", docs_url=None, redoc_url=None,
                     openapi_url="/api/openapi.json",
                     description="答案均来自已收录的通知原文，每条引用带原文位置。密钥：Authorization: Bearer <密钥>。")
    api_errors.install(server)
    access = Access(backend.keys, settings.api_require_key, settings.api_rate)
    routers = [rest_router(backend, access), openai_router(backend, access), calendar_router(backend),
               widget_router(backend, settings.api_rate)]
    for router in routers:
        server.include_router(router)
    # The docs page with Swagger UI from the installed package, not a CDN (closed networks).
    server.mount("/api/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @server.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="openapi.json", title="科创中国榜单问答 API",
                                   swagger_js_url="docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="docs-assets/swagger-ui.css", swagger_favicon_url="")

    known = [route for router in routers for route in router.routes if isinstance(route, APIRoute)]

    def unknown(request: Request) -> None:
        """A path no route has (404), or one asked with a method it does not take (405)."""
        path = request.url.path
        if any(route.path_regex.match(path) for route in known):
            raise ApiError(405, "method_not_allowed", f"这个接口不接受 {request.method} 请求。请查看 /api/docs。")
        raise ApiError(404, "not_found", "没有这个接口。请查看 /api/docs。")

    for prefix in API_PREFIXES:
        server.add_api_route(prefix + "/{rest:path}", unknown, methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                             include_in_schema=False)
    return server


def build_server(settings: Settings) -> Any:
    """The whole ASGI application (what uvicorn serves)."""
    password = settings.admin_password
    if password and (why := weak_password(password)):
        raise SystemExit(f"ADMIN_PASSWORD 太弱：{why}。请换一个更强的密码后再启动。")
    backend = Backend.open(Assistant(settings, serve_stale=True))
    public, staff = build_public(backend), build_staff(backend)
    for demo in (public, staff):
        demo.queue(default_concurrency_limit=settings.app_concurrency)
        # Gradio keeps each browser or API session's state; beyond this many the oldest go.
        demo.state_session_capacity = settings.session_capacity
    if not password:
        log.warning("ADMIN_PASSWORD 未设置：员工工作台 /staff 无需登录即可访问（仅适合本机使用）。")
    digest = hashlib.sha256(password.encode()).digest()

    def login(username: str, given: str) -> bool:
        return hmac.compare_digest(hashlib.sha256((given or "").encode()).digest(), digest) and username == settings.admin_user

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])  # no web fonts offline
    server = http_api(backend)
    common = {"run_history": False, "theme": theme, "css": CSS, "show_error": False, "footer_links": ["api", "settings"]}
    gr.mount_gradio_app(server, staff, path="/staff", auth=login if password else None,
                        auth_message="员工工作台：请用部署方设置的账号和密码登录。", max_file_size=MAX_UPLOAD, **common)
    # Nothing public takes a file: an upload there is refused at once (and by the shield first).
    gr.mount_gradio_app(server, public, path="", max_file_size="1kb", **common)
    for demo in (public, staff):
        # Mounted apps never "launch", and Gradio checks a file input's path against its upload
        # folder only once launched: without this a client could name any file on the server.
        demo.has_launched = True
    shield = ShieldSettings(max_body=settings.max_body_kb * 1024, max_upload=25 * 1024 * 1024,
                            allowed_origins=settings.allowed_origins, widget_origins=settings.widget_origins)
    return Shield(LoginGuard(server, "/staff"), shield)


def serve(settings: Settings) -> None:
    import uvicorn

    app = build_server(settings)
    # The client's address is the peer's unless the peer is a proxy trusted to say it (TRUSTED_PROXIES).
    uvicorn.run(app, host=settings.server_name, port=settings.server_port, log_level="warning",
                proxy_headers=bool(settings.trusted_proxies), forwarded_allow_ips=",".join(settings.trusted_proxies) or None)


def main() -> None:
    serve(Settings())
