"""An OpenAI-compatible endpoint (POST /v1/chat/completions, GET /v1/models) that keeps its
citations: chat front-ends and bots that speak the protocol get the assistant's answers with [n]
markers and a source list in the text, and the citations themselves in a `citations` field.

The conversation is the request's messages: the earlier user messages are replayed into a
conversation of this request alone, so a follow-up ("他的电话呢？") is read in context; the last
user message is answered. `stream: true` sends the checked answer as server-sent chunks (a language
model's draft is not streamed: the final answer may replace it)."""


import json
import re
import time
import uuid
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from assistant.answer.compose import Answer, Citation
from assistant.interfaces.api_access import Access, Caller
from assistant.interfaces.api_errors import ApiError
from assistant.interfaces.backend import Backend
from assistant.interfaces.limits import MAX_INPUT

MODEL = "kczg-assistant"
MAX_REPLAYED = 8  # earlier user messages read as the conversation
QUOTE_IN_TEXT = 120  # characters of a quote in the text's source list (the field has it whole)


class TextPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: StrictStr
    text: StrictStr | None = Field(None, max_length=MAX_INPUT)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: StrictStr | list[TextPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        return "".join(p.text or "" for p in self.content or [] if p.type == "text")


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, top_p…: accepted, not used
    model: StrictStr = MODEL
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: StrictBool = False


def with_sources(answer: Answer) -> str:
    """The answer's text, its [n] markers kept, and a source list under it."""
    if not answer.citations:
        return answer.answer
    lines = [answer.answer, "", "来源："]
    for i, c in enumerate(answer.citations, 1):
        quote = re.sub(r"\s+", " ", c.quote)
        quote = quote if len(quote) <= QUOTE_IN_TEXT else quote[:QUOTE_IN_TEXT] + "…"
        lines.append(f"[{i}] 《{c.title or c.source}》{('·' + c.section) if c.section else ''}：“{quote}”")
    return "\n".join(lines)


def citations_json(citations: list[Citation]) -> list[dict[str, Any]]:
    return [{"index": i, "source": c.source, "title": c.title, "year": c.year, "section": c.section,
             "quote": c.quote, "start": c.start, "end": c.end} for i, c in enumerate(citations, 1)]


def _pieces(text: str, size: int = 24) -> Iterator[str]:
    """The text in short pieces for streaming, cut after punctuation where there is some."""
    rest = text
    while rest:
        cut = re.search(r"[。；，、\n：:]", rest[size // 2:size * 2])
        at = size // 2 + cut.end() if cut else min(size, len(rest))
        yield rest[:at]
        rest = rest[at:]


def openai_router(backend: Backend, access: Access) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["OpenAI 兼容接口"])
    bot = backend.bot
    Authorized = Annotated[Caller, Depends(access)]

    def answer(body: ChatRequest, caller: Caller) -> Answer:
        if body.model != MODEL:
            raise ApiError(404, "model_not_found", f"没有模型 {body.model[:50]}；可用的模型：{MODEL}。")
        asked = [m.text() for m in body.messages if m.role == "user"]
        asked = [text for text in asked if text.strip()]
        if not asked:
            raise ApiError(400, "no_user_message", "messages 中没有用户消息（role 为 user 且内容不为空）。")
        if any(len(text) > MAX_INPUT for text in asked):
            raise ApiError(422, "invalid_request", f"单条消息过长（至多 {MAX_INPUT} 个字符）。")
        session = f"openai:{caller.name}:{uuid.uuid4().hex}"
        try:
            for earlier in asked[:-1][-MAX_REPLAYED:]:
                bot.answer(earlier, session_id=session)
            ans = bot.answer(asked[-1], session_id=session)
        finally:
            bot.sessions.drop(session)
        backend.record(asked[-1], ans, "openai")
        return ans

    @router.get("/models", summary="可用的模型")
    def models(caller: Authorized) -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "kczg"}]}

    @router.post("/chat/completions", summary="OpenAI 兼容的对话接口（引用保留在正文和 citations 字段中）", response_model=None)
    def completions(body: ChatRequest, caller: Authorized) -> dict[str, Any] | StreamingResponse:
        ans = answer(body, caller)
        text, cited = with_sources(ans), citations_json(ans.citations)
        made, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if not body.stream:
            return {"id": made, "object": "chat.completion", "created": created, "model": MODEL,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    "citations": cited, "kind": str(ans.kind)}

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
            data = {"id": made, "object": "chat.completion.chunk", "created": created, "model": MODEL,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
            return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

        def events() -> Iterator[str]:
            yield chunk({"role": "assistant", "content": ""})
            for piece in _pieces(text):
                yield chunk({"content": piece})
            yield chunk({}, "stop", citations=cited, kind=str(ans.kind))
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    return router
