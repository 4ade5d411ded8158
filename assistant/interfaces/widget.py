"""The chat widget: /embed.js (one script tag adds a chat bubble to any page), /embed (the chat-only
page the bubble opens in a frame) and /embed/ask (its answers, no key needed, as the public page).

Which sites may use it is configuration (WIDGET_ORIGINS): only they may frame /embed (the shield's
frame-ancestors) and call /embed/ask from their pages (CORS); a request from any other page's origin
is refused with 403. Each client is held to API_RATE questions a minute."""


import math
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from assistant.interfaces.api_access import client_address
from assistant.interfaces.api_errors import ApiError
from assistant.interfaces.backend import Backend
from assistant.interfaces.guard import Throttle

STATIC = Path(__file__).resolve().parent / "static"
MAX_QUESTION = 2000


class WidgetAsk(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: StrictStr = Field(min_length=1, max_length=MAX_QUESTION)
    session: StrictStr = Field("", max_length=100)


def own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', '')}".lower()


def widget_router(backend: Backend, origins: tuple[str, ...], rate: int) -> APIRouter:
    router = APIRouter(tags=["聊天挂件"])
    allowed = {o.lower().rstrip("/") for o in origins}
    throttle = Throttle(rate, 60)
    script, page = (STATIC / "embed.js").read_bytes(), (STATIC / "embed.html").read_bytes()

    def origin_checked(request: Request) -> dict[str, str]:
        """The CORS headers for the request's page, or 403 when that page's site is not allowed."""
        origin = request.headers.get("origin", "").lower().rstrip("/")
        if not origin or origin == own_origin(request):
            return {}
        if origin not in allowed:
            raise ApiError(403, "origin_not_allowed", "这个网站未获准使用问答挂件（请管理员在 WIDGET_ORIGINS 中加入它）。")
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}

    @router.get("/embed.js", include_in_schema=False)
    def embed_script() -> Response:
        return Response(script, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "max-age=300"})

    @router.get("/embed", include_in_schema=False)
    def embed_page() -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    @router.options("/embed/ask", include_in_schema=False)
    def preflight(request: Request) -> Response:
        headers = origin_checked(request)
        return Response(status_code=204, headers={**headers, "Access-Control-Allow-Methods": "POST",
                                                  "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600"})

    @router.post("/embed/ask", summary="挂件的问答（无需密钥，按客户端限速）")
    def embed_ask(body: WidgetAsk, request: Request, response: Response) -> dict[str, Any]:
        response.headers.update(origin_checked(request))
        client = client_address(request)
        if not throttle.allow(client):
            wait = max(1, math.ceil(throttle.retry_after(client)))
            raise ApiError(429, "rate_limited", f"提问过于频繁，请 {wait} 秒后再试。", {"Retry-After": str(wait)})
        session = f"widget:{client}:{body.session}" if body.session else None
        ans = backend.bot.answer(body.question, session_id=session)
        backend.record(body.question, ans, "widget")
        return ans.to_dict()

    return router
