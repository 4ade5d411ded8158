"""The HTTP APIs' errors: JSON with a code and a Chinese message, never a stack trace.

`ApiError` is raised by the routes; `install` turns it, a malformed request (not JSON, wrong types,
too long) and an unknown route or method into `{"error": {"code", "message", "type"}}` (the shape
OpenAI clients read)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

# What a malformed field is told, by Pydantic's error type.
FIELD_PROBLEMS = {
    "missing": "缺少此项",
    "string_type": "应为文字（字符串）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为 true 或 false",
    "list_type": "应为数组",
    "dict_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "model_type": "应为 JSON 对象",
    "string_too_short": "不能为空",
    "string_too_long": "过长",
    "too_long": "条目过多",
    "too_short": "不能为空",
    "greater_than_equal": "超出允许范围",
    "less_than_equal": "超出允许范围",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "extra_forbidden": "不认识的字段",
    "date_from_datetime_parsing": "应为日期（如 2026-12-31）",
}
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                413: "too_large", 422: "invalid_request", 429: "rate_limited"}
STATUS_MESSAGES = {400: "请求体无法解析：请用 UTF-8 编码的 JSON 对象（Content-Type: application/json）。",
                   404: "没有这个接口。请查看 /api/docs。", 405: "这个接口不接受这种请求方法。"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    kind = "invalid_request_error" if status < 500 else "server_error"
    return JSONResponse({"error": {"code": code, "message": message, "type": kind}}, status_code=status, headers=headers)


def explain_invalid(errors: list[Any]) -> tuple[int, str, str]:
    """Status, code and a Chinese message for a request Pydantic refused."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return 400, "invalid_json", "请求体不是合法的 JSON（请用 UTF-8 编码的 JSON 对象，Content-Type: application/json）。"
    parts = []
    for e in errors[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path")) or "请求体"
        problem = FIELD_PROBLEMS.get(str(e.get("type", "")), "格式不对")
        ctx = e.get("ctx") or {}
        limit, expected = ctx.get("max_length"), ctx.get("expected")
        detail = (f"（至多 {limit} 个字符）" if limit and "long" in str(e.get("type")) else
                  f"（应为 {expected}）" if expected else "")
        parts.append(f"{where}：{problem}{detail}")
    return 422, "invalid_request", "请求内容不对——" + "；".join(parts) + "。"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(*explain_invalid(list(exc.errors())))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        message = STATUS_MESSAGES.get(exc.status_code, str(exc.detail))
        return error_response(exc.status_code, STATUS_CODES.get(exc.status_code, "error"), message,
                              dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def failed(_: Request, exc: Exception) -> JSONResponse:  # logged by the server, never shown
        return error_response(500, "internal_error", "服务器内部错误，请稍后再试。")
