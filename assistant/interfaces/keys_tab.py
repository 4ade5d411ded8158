"""API keys in the staff console: created (the key shown once), listed with their use, revoked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import gradio as gr

from assistant.interfaces.render import plain_text
from assistant.interfaces.web_base import UiBase
from assistant.staff.api_keys import COLUMNS, KeyRefused


class KeysTab(UiBase):
    """Keys for /api/v1 and the OpenAI-compatible endpoint."""

    def key_rows(self) -> list[list[object]]:
        today = dt.date.today()
        return [k.row(today) for k in self.keys.all()] if self.keys else []

    def key_choices(self) -> list[tuple[str, str]]:
        return [(f"{k.id} · {k.name}（{k.prefix}…）", str(k.id)) for k in (self.keys.all() if self.keys else [])
                if k.revoked is None]

    def create_key(self, name: str, expires: str, rate: float | None) -> tuple[str, str, Any, Any]:
        """The new key, shown this once, and the refreshed table."""
        unchanged = (gr.update(), gr.update())
        if self.keys is None:
            return "未配置密钥存储。", "", *unchanged
        try:
            until = dt.date.fromisoformat(expires.strip()) if (expires or "").strip() else None
        except ValueError:
            return "有效期请写成 2026-12-31 这样的日期，或留空表示长期有效。", "", *unchanged
        try:
            key, secret = self.keys.create(name, until, int(rate or self.bot.settings.api_rate))
        except KeyRefused as exc:
            return f"**无法创建**：{plain_text(str(exc))}", "", *unchanged
        return (f"已创建密钥 {key.id}（{plain_text(key.name)}）。**密钥只显示这一次**，请立即复制保存；"
                "调用时放在请求头 `Authorization: Bearer <密钥>` 中。", secret,
                self.key_rows(), gr.update(choices=self.key_choices(), value=None))

    def revoke_key(self, key_id: str | None, confirmed: bool) -> tuple[str, Any, Any]:
        if self.keys is None or not key_id:
            return "请先选择要吊销的密钥。", gr.update(), gr.update()
        if not confirmed:
            return "请勾选“确认吊销”后再执行。", gr.update(), gr.update()
        key = self.keys.revoke(int(key_id))
        if key is None:
            return "没有这个密钥。", gr.update(), gr.update()
        return (f"已吊销密钥 {key.id}（{plain_text(key.name)}）：用它的请求从现在起被拒绝。", self.key_rows(),
                gr.update(choices=self.key_choices(), value=None))

    def keys_tab(self) -> None:
        gr.Markdown("API 密钥供其他系统调用 `/api/v1`（接口说明见 [/api/docs](../api/docs)）和 OpenAI 兼容接口 `/v1/chat/completions`。"
                    "只保存密钥的摘要：密钥在创建时显示一次。")
        with gr.Row():
            k_name = gr.Textbox(label="名称（使用它的系统或单位）", elem_id="key-name")
            k_expires = gr.Textbox(label="有效期至（可选，如 2026-12-31）", elem_id="key-expires")
            k_rate = gr.Number(value=self.bot.settings.api_rate, precision=0, minimum=1, maximum=10000,
                               label="每分钟请求上限", elem_id="key-rate")
        k_status = gr.Markdown(elem_id="key-status")
        k_secret = gr.Textbox(label="新密钥（只显示一次）", interactive=False, elem_id="key-secret")
        k_table = self.follow(gr.Dataframe(value=self.key_rows(), headers=COLUMNS, interactive=False, wrap=True,
                                           elem_id="key-table"), self.key_rows)
        with gr.Row():
            k_pick = self.follow(gr.Dropdown(self.key_choices(), label="吊销密钥", elem_id="key-pick"),
                                 lambda: gr.update(choices=self.key_choices()))
            k_confirm = gr.Checkbox(label="确认吊销", elem_id="key-confirm")
        gr.Button("创建密钥", variant="primary", elem_id="key-create").click(
            self.create_key, [k_name, k_expires, k_rate], [k_status, k_secret, k_table, k_pick])
        gr.Button("吊销", variant="stop", elem_id="key-revoke").click(
            self.revoke_key, [k_pick, k_confirm], [k_status, k_table, k_pick])
