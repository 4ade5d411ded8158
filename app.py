"""The Gradio web app: a thin layer over the same Assistant the command line uses."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from assistant.config import quiet_offline_env

quiet_offline_env()

import gradio as gr  # noqa: E402

from assistant.assistant import Assistant  # noqa: E402
from assistant.ingest import IngestError  # noqa: E402
from assistant.render import answer_markdown, sources_markdown  # noqa: E402

EXAMPLES = [
    "2023年先导技术榜的申报截止时间是什么时候？",
    "2023年电子信息领域先导技术榜的联系人和电话",
    "2022年先导技术榜每个领域各单位推荐不超过几个？",
    "2021年设置了哪几类榜单？",
    "新锐企业榜对企业信用有什么要求？",
]


def build_app(bot: Assistant) -> gr.Blocks:
    def ask(message: str, history: list, session: str):  # noqa: ANN202
        ans = bot.answer(message or "", session_id=session)
        history = [*history, {"role": "user", "content": message or ""}, {"role": "assistant", "content": answer_markdown(ans)}]
        return history, sources_markdown(ans), ""

    def new_session() -> tuple[list, str, str]:
        return [], "", str(uuid.uuid4())

    def notices_table() -> list[list[object]]:
        return [[n.id, n.year, n.title, n.issuer, n.doc_number, n.date, n.kind] for n in bot.notices.values()]

    def upload(files: list | None):  # noqa: ANN202
        if not files:
            return "请选择要上传的通知文件。", notices_table()
        paths = [Path(f if isinstance(f, str) else f.name) for f in files]
        try:
            added = bot.ingest(paths)
        except IngestError as exc:
            return f"导入失败：{exc}", notices_table()
        return "已导入：" + "；".join(f"{a['source']}（{a['year']}年）" for a in added), notices_table()

    with gr.Blocks(title="科创中国榜单问答") as demo:
        session = gr.State(lambda: str(uuid.uuid4()))
        gr.Markdown("## “科创中国”系列榜单通知问答\n回答均来自已收录的通知原文，并给出引用。")
        with gr.Tab("问答"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="对话", height=460, sanitize_html=True)
                    box = gr.Textbox(label="问题", placeholder="例如：2023年申报截止时间是什么时候？", lines=1)
                    with gr.Row():
                        send = gr.Button("提问", variant="primary")
                        reset = gr.Button("新对话")
                    gr.Examples(EXAMPLES, inputs=box)
                with gr.Column(scale=2):
                    sources = gr.Markdown("引用的通知原文会显示在这里。", label="来源")
            send.click(ask, [box, chat, session], [chat, sources, box])
            box.submit(ask, [box, chat, session], [chat, sources, box])
            reset.click(new_session, None, [chat, sources, session])
        with gr.Tab("通知原文"):
            table = gr.Dataframe(
                value=notices_table,
                headers=["文件", "年份", "标题", "发文单位", "文号", "日期", "类型"],
                interactive=False,
            )
            files = gr.File(label="上传新通知（.txt / .docx / .pdf）", file_count="multiple")
            status = gr.Markdown()
            gr.Button("导入").click(upload, files, [status, table])
    return demo


def main() -> None:
    bot = Assistant()
    demo = build_app(bot)
    demo.queue(default_concurrency_limit=int(os.environ.get("APP_CONCURRENCY", "4")))
    demo.launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        share=False,
    )


if __name__ == "__main__":
    main()
