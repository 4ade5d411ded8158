"""One server: the public page at /, the staff console at /staff, behind the shield and the login guard."""

from __future__ import annotations

import hashlib
import hmac
import logging

import gradio as gr

from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.interfaces.guard import LoginGuard, weak_password
from assistant.interfaces.pages import CSS, build_public, build_staff
from assistant.interfaces.shield import Shield, ShieldSettings
from assistant.interfaces.web_base import MAX_UPLOAD
from assistant.staff.feedback import FeedbackStore
from assistant.staff.questions import QuestionLog

log = logging.getLogger("app")


def serve(settings: Settings) -> None:
    """One server: the public app at /, the staff console at /staff (a real login when
    ADMIN_PASSWORD is set), run history off in both, uploads bounded, login attempts throttled."""
    import uvicorn
    from fastapi import FastAPI

    password = settings.admin_password
    if password and (why := weak_password(password)):
        raise SystemExit(f"ADMIN_PASSWORD 太弱：{why}。请换一个更强的密码后再启动。")
    bot = Assistant(settings, serve_stale=True)
    feedback = FeedbackStore(settings.feedback_db)
    questions = QuestionLog(settings.feedback_db, settings.question_log_days)
    public, staff = build_public(bot, feedback, questions), build_staff(bot, feedback, questions)
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
    server = FastAPI()
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
                            allowed_origins=settings.allowed_origins)
    app = Shield(LoginGuard(server, "/staff"), shield)
    # The client's address is the peer's unless the peer is a proxy trusted to say it (TRUSTED_PROXIES).
    uvicorn.run(app, host=settings.server_name, port=settings.server_port, log_level="warning",
                proxy_headers=bool(settings.trusted_proxies), forwarded_allow_ips=",".join(settings.trusted_proxies) or None)


def main() -> None:
    serve(Settings())

