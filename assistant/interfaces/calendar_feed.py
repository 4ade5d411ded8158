"""The calendar feed: GET /calendar.ics?list=…&issuer=…&year=… serves the deadlines and stages the
calendar export holds, for the filters given, read from the corpus as it is now — a calendar
subscribes once and follows new notices. It needs no key: calendar programs cannot send one, and it
holds only what the public page's export holds."""

# No `from __future__ import annotations` here: FastAPI reads the routes' annotations at definition.
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from assistant.interfaces.backend import Backend
from assistant.interfaces.limits import MAX_NAME
from assistant.staff.calendar import select, to_ics


def calendar_router(backend: Backend) -> APIRouter:
    router = APIRouter(tags=["日历订阅"])
    bot = backend.bot

    @router.get("/calendar.ics", summary="截止时间与各阶段的日历订阅（iCalendar）", response_class=Response)
    def calendar(
        list: Annotated[str | None, Query(max_length=MAX_NAME, description="榜单（任一年份的名称）")] = None,  # noqa: A002
        issuer: Annotated[str | None, Query(max_length=MAX_NAME, description="发文单位（名称的一部分）")] = None,
        year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    ) -> Response:
        facts = select(bot.facts, bot.notices, year, bot.store.names.list_family(list) if list else None, issuer or None)
        return Response(to_ics(facts, bot.notices), media_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": 'inline; filename="kczg-deadlines.ics"',
                                 "Cache-Control": "max-age=300"})

    return router
