"""The web app driven in headless Chromium (Debian's /usr/bin/chromium, Playwright from PyPI)."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SHOTS = ROOT / "artifacts" / "screenshots"
GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "facts.yaml").read_text(encoding="utf-8"))

if not CHROMIUM.exists():
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing; `make test` installs Debian's chromium")
    pytest.skip("no Chromium here (make test installs it)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, app_server):  # noqa: ANN001, ANN201
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    pg.set_default_timeout(20000)
    pg.goto(app_server.url, wait_until="domcontentloaded")
    pg.locator("#question textarea").wait_for()
    yield pg
    pg.close()


def staff(browser, server, password: str = ""):  # noqa: ANN001, ANN201
    """A page on the staff console, logged in through its login route when a password is set."""
    pg = browser.new_page(viewport={"width": 1400, "height": 1400}, accept_downloads=True)
    pg.set_default_timeout(30000)
    if password:
        assert pg.request.post(server.url + "staff/login", form={"username": "admin", "password": password}).ok
    pg.goto(server.url + "staff/", wait_until="domcontentloaded")
    pg.get_by_role("tab", name="通知管理").wait_for()
    return pg


def shot(page, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ask(page, question: str) -> str:  # noqa: ANN001
    before = page.locator("#chat .message").count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.wait_for_function(
        f"(() => {{ const m = document.querySelectorAll('#chat .message');"
        f" return m.length >= {before + 2} && m[m.length - 1].innerText.includes('答案类型'); }})()"
    )
    return page.locator("#chat .message").last.inner_text()


def test_ask_see_citation_and_open_the_highlighted_passage(page) -> None:  # noqa: ANN001
    person, phones = next(iter(GOLDEN["000"]["contacts"].items()))
    answer = ask(page, f"2023年{person}的联系电话")
    assert person in answer and phones[-1] in answer and "规则" in answer
    assert "[1]" in page.locator("#sources").inner_text()
    page.locator("#citations label").first.click()
    mark = page.locator("#viewer mark")
    mark.wait_for()
    assert person in mark.inner_text()
    assert "〔2023〕" in page.locator("#viewer").inner_text() or "2023" in page.locator("#viewer").inner_text()
    shot(page, "chat-citation")


def test_user_html_is_shown_as_text(page) -> None:  # noqa: ANN001
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask(page, '<img src=x onerror="alert(1)"><b>粗体</b>2023年新锐企业榜联系人')
    page.wait_for_timeout(500)
    assert not dialogs
    assert page.locator("#chat img[src='x']").count() == 0
    assert "<b>粗体</b>" in page.locator("#chat").inner_text()
    ask(page, "[点我领奖](http://evil.example/x) 或 https://evil.example/y 2023年新锐企业榜联系人")
    assert page.locator("#chat a[href*='evil.example']").count() == 0  # Markdown makes no link of it
    assert "[点我领奖]" in page.locator("#chat").inner_text()


def test_directory_finds_a_phone_in_seconds(page) -> None:  # noqa: ANN001
    person, phones = list(GOLDEN["004"]["contacts"].items())[0]
    page.get_by_role("tab", name="查询表").click()
    search = page.locator("#dir-search textarea")
    search.wait_for(state="visible")
    start = time.time()
    search.fill(person)
    page.wait_for_function(
        "(p) => { const m = (document.querySelector('#dir-count')?.innerText || '').match(/共 (\\d+) 条/);"
        " return m && +m[1] >= 1 && +m[1] <= 3 && document.querySelector('#dir-table').innerText.includes(p); }",
        arg=person,
    )
    assert time.time() - start < 10
    assert str(phones[-1]) in page.locator("#dir-table").inner_text()
    shot(page, "directory")


def test_triage_routes_an_enquiry(page) -> None:  # noqa: ANN001
    page.get_by_role("tab", name="工单分流").click()
    page.locator("#triage-text textarea").fill("老师好，我们在平台上传申报材料时一直提示上传失败，系统无法提交，请问该联系谁？")
    page.locator("#triage-run").click()
    result = page.locator("#triage-result")
    result.get_by_text("申报系统技术问题").wait_for()
    tech = [str(p) for p in GOLDEN["000"]["tech_phones"]]
    assert any(p in result.inner_text() for p in tech)
    shot(page, "triage")


def test_feedback_is_stored_and_listed(page, browser, app_server) -> None:  # noqa: ANN001
    ask(page, "2022年先导技术榜每个领域各单位推荐不超过几个？")
    page.get_by_text("这个回答有帮助吗？").click()
    page.locator("#fb-comment textarea").fill("很清楚")
    page.locator("#fb-up").click()
    page.locator("#fb-status").get_by_text("已记录").wait_for()
    desk = staff(browser, app_server)
    desk.get_by_role("tab", name="反馈").click()
    desk.locator("#fb-refresh").click()
    desk.wait_for_function("() => document.querySelector('#fb-table').innerText.includes('很清楚')")
    shot(desk, "feedback")
    desk.close()


def test_upload_a_notice_and_every_browser_sees_it(page, browser, app_server) -> None:  # noqa: ANN001
    assert "2024" not in page.locator("#year-filter").inner_text()
    desk = staff(browser, app_server)
    desk.locator("#upload input[type=file]").set_input_files(str(FIXTURES / "new_style_2024.txt"))
    desk.wait_for_timeout(1000)
    desk.locator("#upload-run").click()
    desk.locator("#upload-status").get_by_text("已导入").wait_for(timeout=60000)
    shot(desk, "upload")
    desk.locator("#upload input[type=file]").set_input_files(str(FIXTURES / "new_style_2024.txt"))
    desk.wait_for_timeout(1000)
    desk.locator("#upload-run").click()
    desk.locator("#upload-status").get_by_text("内容相同").wait_for(timeout=60000)
    desk.close()
    # A browser that opens the app after the import, with no restart, has the new notice and its year.
    other = browser.new_page(viewport={"width": 1400, "height": 1000})
    other.set_default_timeout(20000)
    other.goto(app_server.url, wait_until="domcontentloaded")
    other.locator("#question textarea").wait_for()
    other.locator("#year-filter input").click()
    other.get_by_role("option", name="2024").wait_for()
    other.keyboard.press("Escape")
    other.get_by_role("tab", name="通知原文").click()
    other.locator("#notice-table").get_by_text("new_style_2024.txt").wait_for()
    other.get_by_role("tab", name="问答").click()
    assert "欧阳明" in ask(other, "2024年海洋创新榜的联系人是谁？")
    other.close()


def test_review_an_upload_correct_its_issuer_and_ask_by_that_name(page, browser, app_server, tmp_path) -> None:  # noqa: ANN001
    """Issue 22: after an upload the console shows what was read (with a warning for the missing
    issuer); staff correct the issuer; a question naming it is answered from that notice."""
    src = tmp_path / "unsigned_2024.txt"
    src.write_text("关于组织推荐2024年“科创中国”系列榜单的通知\n各会员单位：\n根据《中国科协办公厅关于征集遴选2024年“科创中国”"
                   "系列榜单的通知》（科协办函创字〔2024〕51号），请于2024年11月8日前将新锐企业榜申报材料报送秘书处。\n"
                   "联系人：顾青，电话：025-84460011。\n", encoding="utf-8")
    desk = staff(browser, app_server)
    desk.locator("#upload input[type=file]").set_input_files(str(src))
    desk.wait_for_timeout(1000)
    desk.locator("#upload-run").click()
    desk.locator("#upload-status").get_by_text("已导入").wait_for(timeout=60000)
    panel = desk.locator("#review-panel")
    panel.get_by_text("未找到发文单位").wait_for(timeout=30000)
    assert "025-84460011" in panel.inner_text() and "11月8日" in panel.inner_text()
    shot(desk, "review")
    desk.locator("#review-issuer textarea").fill("江东省未来产业学会")
    desk.locator("#review-save").click()
    desk.locator("#review-status").get_by_text("已更正").wait_for(timeout=60000)
    panel.get_by_text("据corpus/manifest.yaml").wait_for(timeout=30000)
    desk.close()
    answer = ask(page, "江东省未来产业学会新锐企业榜的材料哪天截止？")
    assert "11月8日" in answer and "江东省未来产业学会" in answer


@pytest.fixture(scope="module")
def llm_app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    import threading
    from http.server import ThreadingHTTPServer

    from .conftest import free_port, start_app
    from .test_llm import Handler

    fake = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    try:
        yield from start_app(tmp_path_factory.mktemp("llm-app"), LLM_BASE_URL=f"http://127.0.0.1:{fake.server_port}/v1",
                             LLM_MODEL="good", LLM_TIMEOUT="5", ADMIN_PASSWORD="Kczg-staff-2026")
    finally:
        fake.shutdown()


def test_generated_answer_streams_into_the_chat(browser, llm_app) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(20000)
    page.goto(llm_app.url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for()
    answer = ask(page, "先导技术申报表的技术团队简介限多少字？")
    assert answer.startswith("根据通知") and "生成" in answer
    page.locator("#citations label").first.click()
    page.locator("#viewer mark").wait_for()
    shot(page, "llm-answer")
    # ADMIN_PASSWORD is set here: the staff console is a login page until one logs in.
    page.goto(llm_app.url + "staff/", wait_until="domcontentloaded")
    page.locator("input[type=password]").wait_for()
    assert page.get_by_role("tab", name="反馈").count() == 0
    page.close()
    desk = staff(browser, llm_app, "Kczg-staff-2026")
    desk.get_by_role("tab", name="反馈").click()
    desk.locator("#fb-refresh").click()
    desk.locator("#fb-note").get_by_text("共").wait_for()
    desk.close()


def test_self_check_marks_the_failing_clause_with_its_citation(page) -> None:  # noqa: ANN001
    page.get_by_role("tab", name="资格自查").click()
    page.locator("#check-list input").click()
    page.get_by_role("option", name="新锐企业榜").click()
    page.locator("#check-text textarea").fill("我们公司2012年3月在苏州注册，做机器视觉检测，现在60来人。")
    page.locator("#check-run").click()
    result = page.locator("#check-result")
    result.get_by_text("不符合").first.wait_for()
    row = result.locator("tr", has_text="不符合").first
    assert "成立年限不超过10年" in row.inner_text() and "[1]" in row.inner_text()
    assert "2012年注册成立" in row.inner_text()
    assert "000_" in page.locator("#check-sources").inner_text()  # [1] names the notice and its place
    shot(page, "self-check")


@pytest.fixture(scope="module")
def staff_app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from .conftest import start_app

    yield from start_app(tmp_path_factory.mktemp("staff-app"), ADMIN_PASSWORD="Kczg-staff-2026")


def _download(page, link) -> Path:  # noqa: ANN001
    link.wait_for(timeout=60000)
    with page.expect_download() as got:
        link.click()
    return Path(got.value.path())


def test_staff_remove_a_notice_triage_a_sheet_download_the_calendar(browser, staff_app, tmp_path: Path) -> None:  # noqa: ANN001
    import icalendar

    from assistant.staff.batch import read_sheet
    from assistant.staff.export import to_xlsx

    page = staff(browser, staff_app, "Kczg-staff-2026")

    # Remove a notice: only once the confirmation is ticked; the file is kept aside.
    name = next(p.name for p in (staff_app.base / "corpus").glob("001_*.txt"))
    page.locator("#manage-pick input").click()
    page.get_by_role("option", name=name).click()
    page.locator("#manage-action label", has_text="删除").click()
    page.locator("#manage-run").click()
    page.locator("#manage-status").get_by_text("请勾选").wait_for()
    page.locator("#manage-confirm input").check()
    page.locator("#manage-run").click()
    page.locator("#manage-status").get_by_text("已删除").wait_for(timeout=60000)
    assert not (staff_app.base / "corpus" / name).exists() and list((staff_app.base / "corpus" / ".removed").glob(f"*_{name}"))
    assert name not in page.locator("#notice-table").inner_text()
    shot(page, "staff-remove")

    # Triage a spreadsheet and download the routed file.
    sheet = to_xlsx(["编号", "内容"], [["A1", "2023年先导技术榜的申报截止时间是什么时候？"], ["A2", ""], ["A3", "hello"]],
                    tmp_path / "inbox.xlsx")
    page.get_by_role("tab", name="批量分流").click()
    page.locator("#triage-file input[type=file]").set_input_files(str(sheet))
    page.wait_for_timeout(1000)
    page.locator("#triage-batch-run").click()
    page.locator("#triage-batch-status").get_by_text("已分流 1 行").wait_for(timeout=60000)
    routed = _download(page, page.locator("#triage-routed a").first)
    rows = read_sheet(routed.rename(routed.with_suffix(".xlsx"))).rows
    assert [r[0] for r in rows] == ["A1", "A2", "A3"] and rows[0][2] == "已处理" and "11月30日" in str(rows[0][8])
    shot(page, "staff-batch-triage")

    # Download the calendar of the deadlines, from the public app.
    page.close()
    page = browser.new_page(viewport={"width": 1400, "height": 1400}, accept_downloads=True)
    page.set_default_timeout(30000)
    page.goto(staff_app.url, wait_until="domcontentloaded")
    page.get_by_role("tab", name="查询表").click()
    page.locator("#dir-ics").click()
    ics = _download(page, page.locator("#dir-file a").first)
    events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert any("2023年" in str(e.get("summary")) for e in events)
    shot(page, "staff-calendar")
    page.close()


# ------------------------------------------------------------ curated answers


@pytest.fixture(scope="module")
def curation_app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from .conftest import start_app

    yield from start_app(tmp_path_factory.mktemp("curation-app"), ADMIN_PASSWORD="Kczg-curate-2026")


def test_a_curated_answer_from_the_log_to_the_user_and_flagged_when_its_notice_goes(browser, curation_app) -> None:  # noqa: ANN001
    question, answer = "获奖企业有没有奖金？", "通知没有写奖金；入选榜单按通知安排统一发布推介。"
    user = browser.new_page(viewport={"width": 1400, "height": 1000})
    user.set_default_timeout(30000)
    user.goto(curation_app.url, wait_until="domcontentloaded")
    first = ask(user, question)
    assert "未找到" in first and "工作人员审定" not in first

    # Staff open the group in 问题记录, find the passage, tick it, write the answer, save.
    desk = staff(browser, curation_app, "Kczg-curate-2026")
    desk.get_by_role("tab", name="问题记录").click()
    desk.locator("#cur-group input").click()
    desk.get_by_role("option", name=question).click()
    # Opening the group fills in its question and searches the notices for it.
    desk.wait_for_function("() => document.querySelector('#cur-question textarea').value.length > 0")
    desk.locator("#cur-quotes label").first.wait_for()
    desk.locator("#cur-search textarea").fill("发布推介")
    desk.locator("#cur-find").click()
    desk.locator("#cur-quotes label").first.wait_for()
    desk.locator("#cur-quotes label", has_text="发布推介").first.click()
    desk.locator("#cur-answer textarea").fill(answer)
    desk.locator("#cur-save").click()
    desk.locator("#cur-status").get_by_text("已保存").wait_for()
    assert "使用中" in desk.locator("#cur-table").inner_text()
    shot(desk, "curated-saved")

    # The same question, worded a little apart: the curated answer first, marked, cited verbatim.
    again = ask(user, "获奖的企业有没有奖金")
    assert "工作人员审定" in again and answer in again
    sources = user.locator("#sources").inner_text()
    quoted = next(line.strip().lstrip("> ") for line in sources.splitlines()
                  if "发布推介" in line and "原文位置" not in line and not line.startswith("["))
    cited = next(p for p in (curation_app.base / "corpus").glob("*.txt") if quoted in p.read_text(encoding="utf-8"))
    shot(user, "curated-answer")

    # The cited notice disabled in the console: the answer is flagged and no longer given.
    desk.get_by_role("tab", name="通知管理").click()
    desk.locator("#manage-pick input").click()
    desk.get_by_role("option", name=cited.name).click()
    desk.locator("#manage-action label", has_text="停用").click()
    desk.locator("#manage-confirm input").check()
    desk.locator("#manage-run").click()
    desk.locator("#manage-status").get_by_text("已停用").wait_for(timeout=60000)
    third = ask(user, question)
    assert "工作人员审定" not in third
    desk.get_by_role("tab", name="问题记录").click()
    desk.locator("#cur-refresh").click()
    desk.wait_for_function("() => document.querySelector('#cur-table').innerText.includes('需复核')")
    shot(desk, "curated-flagged")
    desk.close()
    user.close()


# ------------------------------------------------------------ the widget on other sites, and phones

PHONE_VIEW = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@contextlib.contextmanager
def society_site(port: int, app_url: str) -> Iterator[str]:
    """A society's web page on another origin, with the widget's one script tag."""
    page = (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f'<title>某学会</title></head><body><h1>某学会 · 科创中国榜单专栏</h1><p>欢迎咨询。</p>'
            f'<script src="{app_url}embed.js" defer></script></body></html>').encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def _widget_answers(pg, question: str, expected: str) -> None:  # noqa: ANN001
    pg.locator("#kczg-bubble").click()
    frame = pg.frame_locator("#kczg-frame")
    frame.locator("#q").fill(question)
    frame.locator("#q").press("Enter")
    answer = frame.locator(".msg.bot").last
    answer.locator("button.cite").first.wait_for()
    assert expected in answer.inner_text()
    answer.locator("button.cite").first.click()
    quote = frame.locator(".source .quote")
    quote.wait_for()
    assert expected in quote.inner_text()  # the passage the answer quotes, shown in place


def test_the_widget_answers_on_another_site_on_a_desktop_and_a_phone(browser, api_server) -> None:  # noqa: ANN001
    port = int(api_server.widget_origin.rsplit(":", 1)[1])
    with society_site(port, api_server.url) as site:
        for name, options in (("desktop", {"viewport": {"width": 1280, "height": 800}}), ("phone", PHONE_VIEW)):
            pg = browser.new_page(**options)
            pg.set_default_timeout(30000)
            pg.goto(site, wait_until="load")
            _widget_answers(pg, "2023年电子信息领域先导技术榜的联系人和电话", "010-68767227")
            box = pg.locator("#kczg-frame").bounding_box()
            if name == "phone":  # the chat takes the whole small screen
                assert box is not None and box["width"] == 390 and box["height"] == 844
            else:
                assert box is not None and box["width"] == 380
            shot(pg, f"widget-{name}")
            pg.close()


def test_the_widget_is_refused_on_a_site_not_allowed(browser, api_server) -> None:  # noqa: ANN001
    from .conftest import free_port

    with society_site(free_port(), api_server.url) as site:
        pg = browser.new_page()
        pg.set_default_timeout(15000)
        pg.goto(site, wait_until="load")
        pg.locator("#kczg-bubble").click()
        pg.wait_for_timeout(2000)
        frame = pg.locator("#kczg-frame").element_handle().content_frame()
        # frame-ancestors: Chromium does not render the chat inside a page of a site not allowed
        assert frame is None or frame.locator("#q").count() == 0
        pg.close()


def test_the_chat_reads_on_a_phone(browser, app_server) -> None:  # noqa: ANN001
    pg = browser.new_page(**PHONE_VIEW)
    pg.set_default_timeout(30000)
    pg.goto(app_server.url, wait_until="domcontentloaded")
    pg.locator("#question textarea").wait_for()
    ask(pg, "2023年设置了哪几类榜单？每类榜单的申报条件分别是什么？")
    layout = pg.evaluate("""() => {
      const msgs = document.querySelectorAll('#chat .message');
      const last = msgs[msgs.length - 1].getBoundingClientRect();
      const boxed = [...document.querySelectorAll('#chat, #chat *')].filter(e =>
        e.scrollHeight > e.clientHeight + 4 && /auto|scroll/.test(getComputedStyle(e).overflowY));
      return {answerBottom: last.bottom + scrollY, sourcesTop: document.querySelector('#sources').getBoundingClientRect().top + scrollY,
              boxed: boxed.length, width: document.documentElement.scrollWidth};
    }""")
    assert layout["boxed"] == 0  # the answer is not in an inner scroll box
    assert 0 < layout["sourcesTop"] - layout["answerBottom"] < 500  # its sources follow it
    assert layout["width"] <= 390  # nothing wider than the screen
    shot(pg, "chat-phone")
    pg.close()
