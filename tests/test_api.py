"""The HTTP APIs against `python app.py` on a loopback port: keys made with the command line, the REST
routes with real HTTP clients (curl where the machine has it), the OpenAI-compatible endpoint with the
`openai` client, the calendar feed parsed with `icalendar`, the widget's routes and origins."""

from __future__ import annotations

import json
import shutil
import subprocess

import icalendar
import openai
import pytest
import requests

from assistant.ingest.notices import load_corpus
from assistant.ingest.textmap import normalize_for_match

from .conftest import ApiServer

QUESTION = "2023年电子信息领域先导技术榜的联系人和电话"
PHONE = "010-68767227"  # the 2023 call's contact for that field (tests/golden/facts.yaml holds it too)


def ask(server: ApiServer, key: str | None, body: object, **kw: object) -> requests.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return requests.post(server.url + "api/v1/ask", json=body, headers=headers, timeout=60, **kw)


def assert_quoted(server: ApiServer, citations: list[dict]) -> None:
    """Every citation's quote is the notice's own text at the span it gives."""
    assert citations
    notices = {n.id: n for n in load_corpus(server.base / "corpus")}
    for c in citations:
        original = notices[c["source"]].original
        assert normalize_for_match(c["quote"]) == normalize_for_match(original[c["start"]:c["end"]]), c


def test_a_key_made_with_the_cli_answers_with_citations_and_no_key_is_refused(api_server: ApiServer) -> None:
    key = api_server.new_key("学会网站")
    assert key.startswith("kczg-") and len(key) > 40
    if shutil.which("curl"):  # the README's own example
        out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", "-X", "POST", api_server.url + "api/v1/ask",
                              "-H", f"Authorization: Bearer {key}", "-H", "Content-Type: application/json",
                              "-d", json.dumps({"question": QUESTION}, ensure_ascii=False)],
                             capture_output=True, text=True, timeout=60).stdout
        body, status = out.rsplit("\n", 1)
        assert status == "200"
        data = json.loads(body)
    else:
        response = ask(api_server, key, {"question": QUESTION})
        assert response.status_code == 200
        data = response.json()
    assert PHONE in data["answer"] and data["kind"] == "rule" and data["latency_ms"] >= 0
    assert_quoted(api_server, data["citations"])

    refused = ask(api_server, None, {"question": QUESTION})
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    assert refused.json()["error"]["code"] == "missing_key" and "密钥" in refused.json()["error"]["message"]
    wrong = ask(api_server, "kczg-" + "x" * 43, {"question": QUESTION})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_key"
    by_header = requests.post(api_server.url + "api/v1/ask", json={"question": QUESTION}, headers={"X-API-Key": key}, timeout=60)
    assert by_header.status_code == 200


def test_a_revoked_key_is_refused_at_once_and_each_request_is_counted(api_server: ApiServer) -> None:
    key = api_server.new_key("待吊销")
    for _ in range(2):
        assert ask(api_server, key, {"question": "2023年设置了哪几类榜单？"}).status_code == 200
    listed = json.loads(api_server.cli("apikey", "list", "--json").stdout)
    mine = next(k for k in listed if k["名称"] == "待吊销")
    assert mine["请求次数"] == 2 and mine["状态"] == "有效" and key not in json.dumps(listed)
    assert api_server.cli("apikey", "revoke", str(mine["编号"])).returncode == 0
    assert ask(api_server, key, {"question": "2023年设置了哪几类榜单？"}).status_code == 401


def test_over_its_rate_a_key_gets_429_with_retry_after(api_server: ApiServer) -> None:
    key = api_server.new_key("限速", "--rate", "2/min")
    codes = [ask(api_server, key, {"question": "新锐企业榜对企业信用有什么要求？"}) for _ in range(3)]
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert 1 <= int(codes[2].headers["retry-after"]) <= 60
    assert "每分钟至多 2 次" in codes[2].json()["error"]["message"]


@pytest.mark.parametrize(("body", "status", "code"), [
    (b"{not json", 400, "invalid_json"),
    ('{"question": "截止时间？"}'.encode("gbk"), 400, "bad_request"),  # not UTF-8
    ({"question": 5}, 422, "invalid_request"),
    ({"question": ""}, 422, "invalid_request"),
    ({"question": "截止时间？", "year": "去年"}, 422, "invalid_request"),
    ({"question": "截止时间？", "extra": 1}, 422, "invalid_request"),
    ([1, 2, 3], 422, "invalid_request"),
    ({"question": "问" * 6000}, 422, "invalid_request"),
])
def test_bad_input_gets_a_4xx_in_chinese_never_a_trace(api_server: ApiServer, body: object, status: int, code: str) -> None:
    key = api_server.new_key("坏输入")
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = requests.post(api_server.url + "api/v1/ask", data=data, headers=headers, timeout=60)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])
    assert "Traceback" not in response.text and "pydantic" not in response.text


def test_unknown_routes_methods_and_huge_bodies_answer_in_json(api_server: ApiServer) -> None:
    key = api_server.new_key("路由")
    headers = {"Authorization": f"Bearer {key}"}
    assert requests.get(api_server.url + "api/v1/nothing", headers=headers, timeout=30).json()["error"]["code"] == "not_found"
    assert requests.get(api_server.url + "v1/nothing", timeout=30).status_code == 404
    wrong_method = requests.get(api_server.url + "api/v1/ask", headers=headers, timeout=30)
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]["code"] == "method_not_allowed"
    huge = requests.post(api_server.url + "api/v1/ask", data=b"{" + b" " * (2 * 1024 * 1024) + b"}", headers=headers, timeout=60)
    assert huge.status_code == 413
    bad_table = requests.get(api_server.url + "api/v1/directory/people", headers=headers, timeout=30)
    assert bad_table.status_code == 422 and "contacts" in bad_table.json()["error"]["message"]


def test_check_is_the_command_lines_check_json(api_server: ApiServer) -> None:
    key = api_server.new_key("自查")
    situation = "我们公司2010年在深圳注册，去年在创业板上市。"
    response = requests.post(api_server.url + "api/v1/check", json={"list": "新锐企业榜", "situation": situation},
                             headers={"Authorization": f"Bearer {key}"}, timeout=60)
    assert response.status_code == 200
    cli = api_server.cli("check", "--list", "新锐企业榜", "--text", situation, "--json")
    assert response.json() == json.loads(cli.stdout)
    assert "不符合" in {c["verdict"] for c in response.json()["clauses"]}
    missing = requests.post(api_server.url + "api/v1/check", json={"list": "不存在的榜"}, headers={"Authorization": f"Bearer {key}"},
                            timeout=60)
    assert missing.status_code == 404 and "申报条件" in missing.json()["error"]["message"]


def test_triage_notices_and_the_directory_tables(api_server: ApiServer) -> None:
    key = api_server.new_key("工单系统")
    headers = {"Authorization": f"Bearer {key}"}
    routed = requests.post(api_server.url + "api/v1/triage", json={"text": "老师好，电子信息领域先导技术榜找谁咨询？电话多少？"},
                           headers=headers, timeout=60).json()
    assert routed["category"] and PHONE in routed["answer"]["answer"] and routed["route"]
    notices = requests.get(api_server.url + "api/v1/notices", headers=headers, timeout=30).json()
    assert len(notices) == len(list((api_server.base / "corpus").glob("*.txt")))
    assert {"file", "issuer", "kind", "year", "title", "enabled"} <= set(notices[0])
    contacts = requests.get(api_server.url + "api/v1/directory/contacts", params={"year": 2023, "list": "先导技术榜", "q": "电子信息"},
                            headers=headers, timeout=30).json()
    assert contacts["count"] == len(contacts["rows"]) >= 1
    assert all(str(r["年份"]) == "2023" for r in contacts["rows"]) and any(PHONE in json.dumps(r, ensure_ascii=False)
                                                                          for r in contacts["rows"])
    everything = requests.get(api_server.url + "api/v1/directory/deadlines", headers=headers, timeout=30).json()
    one_year = requests.get(api_server.url + "api/v1/directory/deadlines", params={"year": 2022}, headers=headers, timeout=30).json()
    assert 0 < one_year["count"] < everything["count"]


def client(server: ApiServer, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "v1", api_key=key, max_retries=0, timeout=60)


def test_the_openai_client_gets_answers_with_their_citations(api_server: ApiServer) -> None:
    ai = client(api_server, api_server.new_key("聊天前端"))
    assert [m.id for m in ai.models.list()] == ["kczg-assistant"]
    done = ai.chat.completions.create(model="kczg-assistant", messages=[{"role": "user", "content": QUESTION}])
    text = done.choices[0].message.content
    assert PHONE in text and "[1]" in text and "来源：" in text
    assert_quoted(api_server, done.citations)
    assert done.citations[0]["index"] == 1

    streamed, cited = "", None
    for chunk in ai.chat.completions.create(model="kczg-assistant", stream=True,
                                            messages=[{"role": "user", "content": QUESTION}]):
        if chunk.choices and chunk.choices[0].delta.content:
            streamed += chunk.choices[0].delta.content
        cited = getattr(chunk, "citations", None) or cited
    assert streamed == text and cited == done.citations

    with pytest.raises(openai.NotFoundError):
        ai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": QUESTION}])
    with pytest.raises(openai.AuthenticationError):
        client(api_server, "kczg-nope").models.list()
    with pytest.raises(openai.BadRequestError):
        ai.chat.completions.create(model="kczg-assistant", messages=[{"role": "system", "content": "你好"}])


def test_a_follow_up_is_answered_in_the_conversations_context(api_server: ApiServer) -> None:
    ai = client(api_server, api_server.new_key("追问"))
    first = "2023年电子信息领域先导技术榜的联系人是谁？"
    follow = "他的电话呢？"
    alone = ai.chat.completions.create(model="kczg-assistant", messages=[{"role": "user", "content": follow}])
    assert PHONE not in alone.choices[0].message.content
    earlier = ai.chat.completions.create(model="kczg-assistant", messages=[{"role": "user", "content": first}])
    conversation = [{"role": "user", "content": first},
                    {"role": "assistant", "content": earlier.choices[0].message.content},
                    {"role": "user", "content": [{"type": "text", "text": follow}]}]
    answered = ai.chat.completions.create(model="kczg-assistant", messages=conversation)
    assert PHONE in answered.choices[0].message.content


def test_the_calendar_feed_holds_every_deadline_the_export_holds(api_server: ApiServer) -> None:
    def uids(data: bytes) -> set[str]:
        return {str(e["uid"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}

    feed = requests.get(api_server.url + "calendar.ics", timeout=30)
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    exported = api_server.cli("calendar", "--out", str(api_server.base / "all.ics"))
    assert exported.returncode == 0
    assert uids(feed.content) == uids((api_server.base / "all.ics").read_bytes()) != set()
    some = requests.get(api_server.url + "calendar.ics", params={"year": 2023, "list": "先导技术榜"}, timeout=30)
    api_server.cli("calendar", "--year", "2023", "--list", "先导技术榜", "--out", str(api_server.base / "some.ics"))
    assert uids(some.content) == uids((api_server.base / "some.ics").read_bytes())
    assert 0 < len(uids(some.content)) < len(uids(feed.content))
    bad = requests.get(api_server.url + "calendar.ics", params={"year": "明年"}, timeout=30)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_the_widget_is_served_and_only_allowed_sites_may_use_it(api_server: ApiServer) -> None:
    script = requests.get(api_server.url + "embed.js", timeout=30)
    assert script.status_code == 200 and "javascript" in script.headers["content-type"] and "kczg-bubble" in script.text
    page = requests.get(api_server.url + "embed", timeout=30)
    assert page.status_code == 200 and 'id="ask-form"' in page.text
    assert api_server.widget_origin in page.headers["content-security-policy"]
    assert api_server.widget_origin not in requests.get(api_server.url, timeout=30).headers["content-security-policy"]
    body = {"question": QUESTION, "session": "s1"}
    allowed = requests.post(api_server.url + "embed/ask", json=body, headers={"Origin": api_server.widget_origin}, timeout=60)
    assert allowed.status_code == 200 and PHONE in allowed.json()["answer"]
    assert allowed.headers["access-control-allow-origin"] == api_server.widget_origin
    foreign = requests.post(api_server.url + "embed/ask", json=body, headers={"Origin": "http://evil.example"}, timeout=60)
    assert foreign.status_code == 403 and "access-control-allow-origin" not in foreign.headers
    preflight = requests.options(api_server.url + "embed/ask", headers={"Origin": "http://evil.example",
                                                                        "Access-Control-Request-Method": "POST"}, timeout=30)
    assert preflight.status_code == 403


def test_the_api_docs_are_served_without_a_cdn(api_server: ApiServer) -> None:
    docs = requests.get(api_server.url + "api/docs", timeout=30)
    assert docs.status_code == 200 and "cdn." not in docs.text
    assert requests.get(api_server.url + "api/docs-assets/swagger-ui-bundle.js", timeout=30).status_code == 200
    spec = requests.get(api_server.url + "api/openapi.json", timeout=30).json()
    assert {"/api/v1/ask", "/api/v1/check", "/api/v1/triage", "/api/v1/notices", "/api/v1/directory/{table}",
            "/v1/chat/completions", "/v1/models", "/calendar.ics"} <= set(spec["paths"])
