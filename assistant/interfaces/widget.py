"""The chat widget: /embed.js (one script tag adds a chat bubble to any page), /embed (the chat-only
page the bubble opens in a frame) and /embed/ask (its answers, no key needed, as the public page).

Which sites may use it is configuration (WIDGET_ORIGINS), decided by the shield: only they may frame
/embed (frame-ancestors), and a request from any other site's page is refused there with 403; what
reaches these routes from another origin is an allowed site's, and gets CORS. Each client is held
to API_RATE questions a minute."""


from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from assistant.interfaces.api_access import client_address, hold
from assistant.interfaces.backend import Backend
from assistant.interfaces.guard import Throttle

STATIC = Path(__file__).resolve().parent / "static"
MAX_QUESTION = 2000


class WidgetAsk(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: StrictStr = Field(min_length=1, max_length=MAX_QUESTION)
    session: StrictStr = Field("", max_length=100)


def cors(request: Request) -> dict[str, str]:
    """The CORS headers for the page that sent the request (the shield has refused any site not allowed)."""
    origin = request.headers.get("origin", "")
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} if origin else {}


def widget_router(backend: Backend, rate: int) -> APIRouter:
    router = APIRouter(tags=["聊天挂件"])
    throttle = Throttle(rate, 60)
    script, page = (STATIC / "embed.js").read_bytes(), (STATIC / "embed.html").read_bytes()

    @router.get("/embed.js", include_in_schema=False)
    def embed_script() -> Response:
        return Response(script, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "max-age=300"})

    @router.get("/embed", include_in_schema=False)
    def embed_page() -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    @router.options("/embed/ask", include_in_schema=False)
    def preflight(request: Request) -> Response:
        return Response(status_code=204, headers={**cors(request), "Access-Control-Allow-Methods": "POST",
                                                  "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600"})

    @router.post("/embed/ask", summary="挂件的问答（无需密钥，按客户端限速）")
    def embed_ask(body: WidgetAsk, request: Request, response: Response) -> dict[str, Any]:
        response.headers.update(cors(request))
        client = client_address(request)
        hold(throttle, client, "提问过于频繁，请 {wait} 秒后再试。")
        session = f"widget:{client}:{body.session}" if body.session else None
        ans = backend.bot.answer(body.question, session_id=session)
        backend.record(body.question, ans, "widget")
        return ans.to_dict()

    return router
