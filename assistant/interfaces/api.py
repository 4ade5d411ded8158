"""The REST API under /api/v1: the same answers, self-check, triage, notices and tables as the
pages and the command line, as JSON. Every route takes its caller from `Access` (a key, unless keys
are switched off); bad input gets a 4xx with a Chinese message (api_errors.py)."""

# No `from __future__ import annotations` here: FastAPI reads the routes' annotations at definition.
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from assistant.answer.profile import situation_profile
from assistant.ingest.manage import list_notices
from assistant.interfaces.api_access import Access, Caller
from assistant.interfaces.api_errors import ApiError
from assistant.interfaces.backend import Backend
from assistant.interfaces.limits import MAX_INPUT, MAX_NAME, MAX_SEARCH
from assistant.staff.directory import Table, contact_table, quota_table, schedule_table
from assistant.staff.triage import triage


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: StrictStr = Field(min_length=1, max_length=MAX_INPUT, examples=["2023年先导技术榜的申报截止时间是什么时候？"])
    session: StrictStr | None = Field(None, max_length=100, description="同一会话的追问（如“他的电话呢？”）沿用上文")
    year: StrictInt | None = Field(None, ge=2000, le=2100, description="问题未说年份时按这一年回答")
    list: StrictStr | None = Field(None, max_length=MAX_NAME, description="问题未说榜单时按这个榜单回答")


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    list: StrictStr = Field(min_length=1, max_length=MAX_NAME, examples=["新锐企业榜"])
    year: StrictInt | None = Field(None, ge=2000, le=2100)
    field: StrictStr | None = Field(None, max_length=MAX_NAME, description="领域（先导技术榜）")
    situation: StrictStr = Field("", max_length=MAX_INPUT, examples=["我们公司2016年在深圳注册，去年在创业板上市。"])
    founded: StrictStr | None = Field(None, max_length=20, description="成立/注册时间，如 2016 或 2016-03")


class TriageRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: StrictStr = Field(min_length=1, max_length=MAX_INPUT)


class TableName(StrEnum):
    deadlines = "deadlines"
    quotas = "quotas"
    contacts = "contacts"


TABLES = {TableName.deadlines: schedule_table, TableName.quotas: quota_table, TableName.contacts: contact_table}


def _table_json(table: Table) -> dict[str, Any]:
    return {"columns": table.columns, "count": len(table.rows),
            "rows": [dict(zip(table.columns, row, strict=True)) for row in table.rows]}


def rest_router(backend: Backend, access: Access) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["问答 API"])
    bot = backend.bot
    Authorized = Annotated[Caller, Depends(access)]

    @router.post("/ask", summary="回答一个问题（答案、类型、引用原文及其位置、耗时）")
    def ask(body: AskRequest, caller: Authorized) -> dict[str, Any]:
        filters: dict[str, object] = {k: v for k, v in (("year", body.year), ("list", body.list)) if v}
        session = f"api:{caller.name}:{body.session}" if body.session else None
        ans = bot.answer(body.question, session_id=session, filters=filters)
        backend.record(body.question, ans, "api")
        return ans.to_dict()

    @router.post("/check", summary="资格自查：按通知的申报条件逐条核对（与 check --json 相同）")
    def check(body: CheckRequest, caller: Authorized) -> dict[str, Any]:
        profile = situation_profile(body.situation, body.founded, bot.settings.today)
        result = bot.check(body.list, body.year, profile, body.field)
        if result is None:
            year = f"{body.year}年" if body.year else ""
            raise ApiError(404, "no_conditions", f"通知中没有{year}{body.list}的申报条件。")
        return result.to_dict(bot.notices)

    @router.post("/triage", summary="工单分流：类别、转交联系人、回答")
    def triage_one(body: TriageRequest, caller: Authorized) -> dict[str, Any]:
        return triage(bot, body.text).to_dict()

    @router.get("/notices", summary="已收录的通知（含停用的）")
    def notices(caller: Authorized) -> list[dict[str, Any]]:
        store = bot.store
        return [asdict(r) for r in list_notices(bot.settings, store.notices, store.chunks, store.facts)]

    @router.get("/directory/{table}", summary="查询表：日程与截止（deadlines）、推荐名额（quotas）、联系人（contacts）")
    def directory(
        table: TableName,
        caller: Authorized,
        q: Annotated[str, Query(max_length=MAX_SEARCH, description="搜索词（空格分隔，全部包含）")] = "",
        year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
        list: Annotated[str | None, Query(max_length=MAX_NAME, description="榜单（任一年份的名称）")] = None,  # noqa: A002
        issuer: Annotated[str | None, Query(max_length=MAX_NAME, description="发文单位")] = None,
        kind: Annotated[str | None, Query(max_length=MAX_NAME, description="通知类型，如 转发通知")] = None,
    ) -> dict[str, Any]:
        whole = TABLES[table](bot.facts, bot.notices)
        return _table_json(whole.filter(q, year, bot.store.names.list_family(list) if list else None, issuer, kind))

    return router
