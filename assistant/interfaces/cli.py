"""Command line: ask, chat, ingest, build, eval, triage. Argument parsing only."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings, quiet_offline_env

if TYPE_CHECKING:
    from assistant.answer.profile import Profile


def _print_answer(ans, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False))
        return
    from assistant.interfaces.render import KIND_LABELS

    print(ans.answer)
    print(f"\n[{KIND_LABELS.get(ans.kind, ans.kind)} · {ans.latency_ms:.0f} ms]")
    for i, c in enumerate(ans.citations, 1):
        print(f"[{i}] {c.source}（{c.year}年）{c.section}\n    “{c.quote}”（原文位置 {c.start}-{c.end}）")


def cmd_ask(args: argparse.Namespace) -> int:
    from assistant.answer.compose import Answer
    from assistant.assistant import Assistant
    from assistant.model import AnswerKind

    bot = Assistant()
    if args.jsonl:
        for line_no, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                item = None
            if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not item["q"].strip():
                # Valid JSON that is not a question object ([1,2], "text", {"q": 3}) is an error line too.
                qid = item.get("id", line_no) if isinstance(item, dict) else line_no
                error = f"第{line_no}行不是有效的 JSON 问题对象（需要 {{\"id\": ..., \"q\": \"问题\"}}）。"
                print(json.dumps(Answer(error, AnswerKind.DECLINE, id=qid).to_dict(), ensure_ascii=False), flush=True)
                continue
            session = item.get("session")
            ans = bot.answer(item["q"], session_id=str(session) if session is not None else None, qid=item.get("id"))
            print(json.dumps(ans.to_dict(), ensure_ascii=False), flush=True)
        return 0
    question = " ".join(args.question)
    if not question.strip():
        print("请在 ask 后面给出问题，例如：python -m assistant ask \"2023年申报截止时间\"", file=sys.stderr)
        return 2
    if args.explain:
        print(json.dumps(bot.explain(question).to_dict(), ensure_ascii=False, indent=1))
        return 0
    _print_answer(bot.answer(question), args.json)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant

    bot = Assistant()
    print("科创中国榜单问答（输入问题；空行或 Ctrl-D 退出）")
    while True:
        try:
            question = input("> ")
        except EOFError:
            break
        if not question.strip():
            break
        _print_answer(bot.answer(question, session_id="cli"), args.json)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from assistant.ingest import index

    settings = Settings()
    if args.if_stale:
        reason = index.is_stale(settings)
        if reason is None:
            print("索引已是最新，无需重建。")
            return 0
        print(f"重建索引：{reason}")
    meta = index.build(settings)
    print(json.dumps(meta, ensure_ascii=False, indent=1))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    """What would be understood of a file, before it is imported; with the self-test run on a copy of
    the corpus that holds it (.cache/eval), never on the live one."""
    import shutil
    import tempfile

    from assistant.assistant import Assistant
    from assistant.ingest.importer import IngestError, read_notice
    from assistant.ingest.notices import load_manifest
    from assistant.ingest.review import review
    from assistant.staff import selftest
    from assistant.tools.evalcorpus import with_notices

    settings = Settings()
    path = Path(args.path)
    try:
        notice = read_notice(path, path.name, load_manifest(settings.corpus_dir))
    except IngestError as exc:
        print(f"无法读取：{exc}", file=sys.stderr)
        return 2
    found = review(notice)
    result, why = None, ""
    if not args.no_selftest:
        with tempfile.TemporaryDirectory() as folder:
            shutil.copy2(path, Path(folder) / path.name)
            try:
                aside = with_notices(settings, Path(folder))
            except IngestError as exc:
                why = str(exc)
            else:
                bot = Assistant(aside)
                held = next((n for n in bot.notices.values() if n.sha256 == notice.sha256), None)
                result = selftest.run(bot.answer, held, bot.facts) if held else None
    if args.json:
        print(json.dumps({**found.to_dict(), "selftest": result.to_dict() if result else None},
                         ensure_ascii=False, indent=1))
        return 0
    print(found.text())
    if result:
        print("\n".join(selftest.lines(result)))
    elif why:
        print(f"自测未运行：{why}")
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.staff import selftest

    bot = Assistant()
    names = args.names or sorted(bot.notices)
    unknown = [n for n in names if n not in bot.notices]
    if unknown:
        print(f"通知库中没有：{'、'.join(unknown)}（可用 notices 命令查看已有通知）", file=sys.stderr)
        return 2
    for name in names:
        print(name)
        print("\n".join(selftest.lines(bot.self_test(name))))
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from assistant.ingest.importer import IngestError, describe, ingest_files

    try:
        added = ingest_files([Path(p) for p in args.paths], Settings())
    except IngestError as exc:
        print(f"导入失败：{exc}", file=sys.stderr)
        return 1
    for item in added:
        print(f"已导入：{describe(item)}")
    if not args.no_selftest:
        from assistant.assistant import Assistant
        from assistant.staff import selftest

        bot = Assistant()
        for item in added:
            print("\n".join(selftest.lines(bot.self_test(str(item["source"])))))
    return 0


def _eval_settings(args: argparse.Namespace) -> Settings:
    """The shipped corpus, plus the batch's own notices: --notices DIR, or a folder named like the
    question file beside it (firsttry/ft02_styles.jsonl -> firsttry/ft02_styles/)."""
    from assistant.tools.evalcorpus import with_notices

    settings = Settings()
    folder = Path(args.notices) if args.notices else Path(args.file).with_suffix("")
    if args.notices or folder.is_dir():
        print(f"通知库：已收录通知 + {folder}")
        settings = with_notices(settings, folder)
    return settings


def _perturbed(bot, items: list[dict], rows: list[dict], n: int) -> None:  # noqa: ANN001
    """Each question's variants graded like it; invariance by transformation (a variant of a question
    answered right that is still right), and every variant's accuracy."""
    import random
    from collections import defaultdict

    from assistant.tools.evaluate import grade
    from assistant.tools.perturb import variants

    rng = random.Random(20261202)
    kept: dict[str, list[bool]] = defaultdict(list)
    right: dict[str, list[bool]] = defaultdict(list)
    for item, row in zip(items, rows, strict=True):
        for v in variants(item["q"], n, rng, decline=bool(item.get("decline"))):
            ok = grade(item, bot.answer(v.q), bot.notices)["correct"]
            right[v.transform].append(ok)
            if row["correct"]:
                kept[v.transform].append(ok)
    print(f"\nperturbations ({n} per question, seeded): transformation, variants, still right where the original was, right")
    for name in sorted(right):
        k = kept[name]
        print(f"  {name:<13}{len(right[name]):>5}  {sum(k) / (len(k) or 1):>7.1%}  {sum(right[name]) / len(right[name]):>7.1%}")
    allk = [x for v in kept.values() for x in v]
    allr = [x for v in right.values() for x in v]
    print(f"  {'all':<13}{len(allr):>5}  {sum(allk) / (len(allk) or 1):>7.1%}  {sum(allr) / (len(allr) or 1):>7.1%}")


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.tools.evaluate import grade, load_questions, report

    settings = _eval_settings(args)
    if args.reader_only:
        settings = replace(settings, rules=False)
    bot = Assistant(settings)
    items = load_questions(Path(args.file))
    rows = []
    for item in items:
        ans = bot.answer(item["q"], qid=item.get("id"))
        row = grade(item, ans, bot.notices)
        rows.append(row)
        if args.verbose and not row["correct"]:
            wanted = "（应拒答）" if item.get("decline") else " / ".join(item.get("all", []))
            if item.get("any"):
                wanted += f"（任一：{'|'.join(item['any'])}）"
            print(f"--- {item['id']} {item['q']}\n期望：{wanted}\n{ans.answer[:300]}\n")
    print(report(rows))
    if args.baseline:
        from assistant.tools.baseline import NaiveBaseline

        naive = NaiveBaseline(bot.notices)
        base_rows = [grade(item, naive.answer(item["q"]), bot.notices) for item in items]
        n = len(rows) or 1
        ours, theirs = sum(r["correct"] for r in rows) / n, sum(r["correct"] for r in base_rows) / n
        print("\nnaive baseline (260-character paragraphs, BM25 over jieba, best three pasted):")
        print(report(base_rows))
        print(f"\nmargin over the baseline: {100 * (ours - theirs):+.1f} points ({ours:.1%} vs {theirs:.1%})")
    if args.perturb:
        _perturbed(bot, items, rows, args.perturb)
    if args.recall:
        from assistant.tools.evaluate import retrieval_recall

        modes = ["bm25", "dense", "hybrid"] if bot.settings.dense else ["bm25"]
        print("retriever alone (top-k chunk holds every expected string):")
        for mode in modes:
            r = retrieval_recall(bot, items, mode)
            print(f"  {mode:<7} R@1 {r['R@1']:.2f}  R@3 {r['R@3']:.2f}  R@5 {r['R@5']:.2f}  MRR {r['MRR']:.2f}  (n={r['n']:.0f})")
    return 0


def cmd_fit_relevance(args: argparse.Namespace) -> int:
    from assistant.tools.fit_relevance import fit

    result = fit()
    print(json.dumps(result["cv"], ensure_ascii=False, indent=1))
    print(f"threshold {result['threshold']}; written to assistant/data/relevance.json")
    return 0


def cmd_fit_ranker(args: argparse.Namespace) -> int:
    from assistant.tools.fit_ranker import main

    main()
    print("written to assistant/data/ranker.json and assistant/data/ranker_rows.npz")
    return 0


def cmd_triage(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant
    from assistant.staff.triage import triage

    if args.file:
        return _triage_file(args)
    text = " ".join(args.text) if args.text else sys.stdin.read()
    result = triage(Assistant(), text)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(result.render())
    return 0


def _triage_file(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from assistant.assistant import Assistant
    from assistant.staff.batch import BatchError, triage_file

    src = Path(args.file)
    dst = Path(args.out) if args.out else src.with_name(f"{src.stem}_分流{src.suffix}")
    try:
        routed = triage_file(Assistant(), src, dst, lambda rows, n: tqdm(rows, total=n, desc="分流", unit="条", file=sys.stderr))
    except BatchError as exc:
        print(f"分流失败：{exc}", file=sys.stderr)
        return 1
    done = sum(1 for r in routed.rows if r[-8] == "已处理")
    print(f"已分流 {done} 条，未处理 {len(routed.rows) - done} 条（空白或不含中文），结果：{dst}")
    return 0


def _settings_and_state():  # noqa: ANN202
    from assistant.ingest import index

    settings = Settings()
    return settings, index.ensure(settings)


def cmd_notices(args: argparse.Namespace) -> int:
    from assistant.answer.phrasing import notice_kind
    from assistant.ingest.manage import list_notices

    settings, state = _settings_and_state()
    rows = list_notices(settings, state.notices, state.chunks, state.facts)
    if args.json:
        from dataclasses import asdict

        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False))
        return 0
    for r in rows:
        status = "启用" if r.enabled else "停用"
        counts = f"{r.chunks}段/{r.facts}条事实" if r.enabled else "不在索引中"
        print(f"{r.file}\t{r.year}\t{notice_kind(r.kind)}\t{r.issuer_shown}\t{status}\t{counts}\t{r.selftest}\t{r.title}")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    from assistant.ingest import manage
    from assistant.ingest.importer import IngestError, describe

    settings = Settings()
    try:
        if args.command == "replace":
            meta = manage.replace(settings, args.name, Path(args.path))
            print(f"已替换：{describe(meta)}（原文本已保存在 corpus/{manage.REMOVED}/）")
        elif args.command == "remove":
            kept = manage.remove(settings, args.name)
            print(f"已删除：{args.name}（文件保存在 {kept}，可移回 corpus/ 恢复）")
        else:
            getattr(manage, args.command)(settings, args.name)
            print(f"已{'停用' if args.command == 'disable' else '启用'}：{args.name}")
    except IngestError as exc:
        print(f"操作失败：{exc}", file=sys.stderr)
        return 1
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from assistant.staff.calendar import select, to_ics

    _, state = _settings_and_state()
    key = state.catalogue.list_family(args.list) if args.list else None
    facts = select(state.facts, state.notices, args.year, key, args.issuer)
    if not facts:
        print("没有符合条件的截止时间或阶段。", file=sys.stderr)
        return 1
    data = to_ics(facts, state.notices)
    if args.out:
        Path(args.out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from assistant.interfaces.render import terminal_safe
    from assistant.staff.questions import QuestionLog

    settings = Settings()
    log = QuestionLog(settings.staff_database, settings.question_log_days)
    print(terminal_safe(log.report(args.since or "")))
    return 0


def cmd_apikey(args: argparse.Namespace) -> int:
    """API keys for /api/v1 and /v1: created (the key printed once), listed, revoked."""
    from assistant.staff.api_keys import COLUMNS, KeyRefused, KeyStore

    settings = Settings()
    keys = KeyStore(settings.staff_database)
    today = dt.date.today()
    if args.action == "create":
        try:
            expires = dt.date.fromisoformat(args.expires) if args.expires else None
            rate = int(str(args.rate).removesuffix("/min")) if args.rate else settings.api_rate
        except ValueError:
            print("有效期请写成 2026-12-31，上限写成 60 或 60/min。", file=sys.stderr)
            return 2
        try:
            key, secret = keys.create(args.name, expires, rate, today)
        except KeyRefused as exc:
            print(f"无法创建：{exc}", file=sys.stderr)
            return 1
        print(f"已创建密钥 {key.id}（{key.name}，每分钟 {key.rate} 次，"
              f"{'有效期至 ' + key.expires.isoformat() if key.expires else '长期有效'}）。密钥只显示这一次：", file=sys.stderr)
        print(secret)
        return 0
    if args.action == "revoke":
        key = keys.revoke(args.id)
        if key is None:
            print(f"没有编号为 {args.id} 的密钥。", file=sys.stderr)
            return 1
        print(f"已吊销密钥 {key.id}（{key.name}）。")
        return 0
    rows = [k.row(today) for k in keys.all()]
    if args.json:
        print(json.dumps([dict(zip(COLUMNS, r, strict=True)) for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print("\t".join(str(c) for c in r))
    return 0


def cmd_curated(args: argparse.Namespace) -> int:
    """Curated answers: listed (with their state), exported, imported (checked against the notices)."""
    from assistant.interfaces.render import terminal_safe
    from assistant.staff.curated import COLUMNS, LIST_COLUMNS, CuratedRefused, CuratedStore
    from assistant.staff.export import export_file

    settings = Settings()
    store = CuratedStore(settings.staff_database)
    if args.action == "export":
        out = Path(args.file)
        fmt = "xlsx" if out.suffix.lower() == ".xlsx" else "csv"
        written = export_file("审定答案", COLUMNS, store.export_rows(), fmt)
        out.write_bytes(written.read_bytes())
        print(f"已导出 {len(store.all())} 条审定答案到 {out}。", file=sys.stderr)
        return 0
    if args.action == "import":
        from assistant.assistant import Assistant

        try:
            done = store.import_file(Path(args.file), Assistant(settings).notices)
        except CuratedRefused as exc:
            print(f"导入失败：{exc}", file=sys.stderr)
            return 1
        print(f"已导入 {len(done)} 条审定答案。")
        return 0
    if args.check:  # flag what the notices as they are now no longer bear out, as the console does
        from assistant.assistant import Assistant

        store.sweep(Assistant(settings).notices)
    rows = store.list_rows()
    if args.json:
        print(json.dumps([dict(zip(LIST_COLUMNS, r, strict=True)) for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print(terminal_safe("\t".join(str(c).replace("\n", " ") for c in r)))
    return 0


def _yes_no(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() in ("y", "yes", "1", "true", "是", "有", "符合")


def profile_from_args(args: argparse.Namespace, today: dt.date) -> Profile:
    """The profile from --text (read like a user's message), then the explicit options over it."""
    from assistant.answer.profile import situation_profile
    from assistant.names import list_key

    p = situation_profile(args.text or "", args.founded, today)
    if args.region:
        p.region = args.region
        p.overseas = bool(re.search(r"香港|澳门|台湾|境外|海外", args.region))
    if args.listed is not None:
        p.listed = "" if args.listed in ("no", "否", "未上市") else args.listed
    for name in ("staff", "trl", "org_type", "accident_year", "experience_years"):
        if getattr(args, name) is not None:
            setattr(p, name, getattr(args, name))
    for name in ("validated", "secret", "original", "import_dependent", "in_pilot", "serves_pilot", "certified", "trained", "teaches"):
        value = _yes_no(getattr(args, name))
        if value is not None:
            setattr(p, name, value)
    for prior in args.prior or []:
        name, _, year = prior.partition(":")
        p.prior.append((list_key(name), int(year) if year else None))
    return p


def cmd_check(args: argparse.Namespace) -> int:
    from assistant.assistant import Assistant

    bot = Assistant()
    profile = profile_from_args(args, bot.settings.today)
    result = bot.check(args.list, args.year, profile, args.field)
    if result is None:
        print(f"通知中没有{args.year or ''}{'年' if args.year else ''}{args.list}的申报条件。", file=sys.stderr)
        return 1
    data = result.to_dict(bot.notices)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print(f"{data['year']}年{data['list']}（{data['heading']}）申报条件逐条核对（{data['notice']}）：")
    for c in data["clauses"]:
        print(f"- {c['verdict']}：{c['clause']}" + (f"——{c['reason']}" if c["reason"] else ""))
    if data["not_ruled"]:
        print(f"- 通知未规定：{'、'.join(data['not_ruled'])}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    if args.embedding:
        from assistant.tools.embedbench import run as run_embedding

        result = run_embedding(Path(args.out))
        print((Path(args.out) / "embedding.md").read_text(encoding="utf-8"))
        print(json.dumps({k: result[k] for k in ("default", "chunks_per_s", "speedup_vs_torch", "r5")}, ensure_ascii=False))
        return 0
    from assistant.tools.bench import run

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    command = (f"python -m assistant bench --sizes {args.sizes} --dense-max {args.dense_max} --repeats {args.repeats}"
               + (f" --work {args.work}" if args.work else "") + f" --out {args.out}")
    results = run(Path(args.out), sizes, args.dense_max, args.repeats, Path(args.work) if args.work else None, command)
    print((Path(args.out) / "README.md").read_text(encoding="utf-8"))
    return 0 if results else 1


def main(argv: list[str] | None = None) -> int:
    quiet_offline_env()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="python -m assistant", description="科创中国系列榜单通知问答")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ask", help="回答一个问题")
    p.add_argument("question", nargs="*")
    p.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    p.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取 {\"id\",\"q\"}，逐行输出答案")
    p.add_argument("--explain", action="store_true", help="输出 JSON：每个分问的理解、规则答案、阅读器候选句及得分、相关性证据与判断")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("chat", help="交互式多轮问答")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_chat)
    p = sub.add_parser("build", help="重建索引")
    p.add_argument("--if-stale", action="store_true", help="只在索引缺失或过期时重建")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("ingest", help="导入通知文件（txt/md/csv/tsv/docx/xlsx/pdf）并更新索引")
    p.add_argument("paths", nargs="+")
    p.add_argument("--no-selftest", action="store_true", help="导入后不运行自测")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("inspect", help="导入前查看：从一份通知文件中读出的身份、榜单、名额、截止、联系人等（各附原文）、提醒和自测")
    p.add_argument("path")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-selftest", action="store_true", help="不在通知库副本上运行自测")
    p.set_defaults(func=cmd_inspect)
    p = sub.add_parser("selftest", help="用从通知事实生成的问题自测已导入的通知，结果保存在 corpus/.selftest/")
    p.add_argument("names", nargs="*", help="通知文件名（默认：全部）")
    p.set_defaults(func=cmd_selftest)
    p = sub.add_parser("eval", help="按 shared/eval 格式评测问题集")
    p.add_argument("file")
    p.add_argument("-v", "--verbose", action="store_true", help="打印答错的题")
    p.add_argument("--recall", action="store_true", help="另测检索器单独的召回率（BM25、向量、融合）")
    p.add_argument("--perturb", type=int, default=0, metavar="N", help="每题再测 N 个保持答案不变的改写（自我介绍、寒暄、口语、简称、错字、并问、换序、全半角、繁体）")
    p.add_argument("--reader-only", action="store_true", help="关闭规则，只用检索与阅读器回答")
    p.add_argument("--baseline", action="store_true", help="同一批问题上并列朴素基线（段落 BM25 取前三段）的得分")
    p.add_argument("--notices", help="这批问题自带的通知所在文件夹（默认：与问题文件同名的文件夹，若存在）")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("fit-relevance", help="在带标注的问题集上重新拟合“通知是否回答了该问题”的判断模型")
    p.set_defaults(func=cmd_fit_relevance)
    p = sub.add_parser("fit-ranker", help="在带标注的问题集上重新拟合候选答案的排序模型（留一问题集交叉验证）")
    p.set_defaults(func=cmd_fit_ranker)
    p = sub.add_parser("triage", help="工单分流：判断类别、给出答案和转交联系人")
    p.add_argument("text", nargs="*")
    p.add_argument("--json", action="store_true")
    p.add_argument("--file", help="批量分流：每行一条咨询的 .csv 或 .xlsx（“内容”列或第一个文字列）")
    p.add_argument("--out", help="分流结果写到这里（.csv 或 .xlsx；默认在原文件名后加“_分流”）")
    p.set_defaults(func=cmd_triage)
    p = sub.add_parser("notices", help="列出通知库中的每份通知（含停用的）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notices)
    for name, help_text in (("remove", "删除一份通知（文件保存在 corpus/.removed/），重建索引"),
                            ("disable", "停用一份通知（移到 corpus/.disabled/），重建索引"),
                            ("enable", "重新启用已停用的通知，重建索引")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("name", help="通知文件名，如 001_xxx.txt")
        p.set_defaults(func=cmd_manage)
    p = sub.add_parser("replace", help="用更正后的文本替换一份通知（保留文件名），重建索引")
    p.add_argument("name")
    p.add_argument("path")
    p.set_defaults(func=cmd_manage)
    p = sub.add_parser("calendar", help="把截止时间和各阶段导出为 .ics 日历")
    p.add_argument("--year", type=int)
    p.add_argument("--list", help="榜单名称")
    p.add_argument("--issuer", help="发文单位（名称的一部分即可）")
    p.add_argument("--out", help="写到文件（默认输出到标准输出）")
    p.set_defaults(func=cmd_calendar)
    p = sub.add_parser("report", help="用户没能得到满意回答的问题：按相似问题归类计数")
    p.add_argument("--since", help="起始日期，如 2023-10-01")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("apikey", help="API 密钥：create NAME [--expires DATE] [--rate N/min] | list | revoke ID")
    keys = p.add_subparsers(dest="action", required=True)
    k = keys.add_parser("create", help="创建密钥（只显示一次）")
    k.add_argument("name", help="名称：使用它的系统或单位")
    k.add_argument("--expires", help="有效期至（含当天），如 2026-12-31；不给则长期有效")
    k.add_argument("--rate", help="每分钟请求上限，如 60 或 60/min；默认 API_RATE")
    k = keys.add_parser("list", help="列出密钥（名称、开头、有效期、上限、状态、请求次数）")
    k.add_argument("--json", action="store_true")
    k = keys.add_parser("revoke", help="吊销密钥")
    k.add_argument("id", type=int, help="密钥编号（list 中的第一列）")
    p.set_defaults(func=cmd_apikey)
    p = sub.add_parser("curated", help="审定答案：list [--check] | export FILE | import FILE（.csv 或 .xlsx）")
    cur = p.add_subparsers(dest="action", required=True)
    k = cur.add_parser("list", help="列出审定答案（问题、答案、引用通知、状态）")
    k.add_argument("--json", action="store_true")
    k.add_argument("--check", action="store_true", help="先按当前通知库核对，所引通知已删除、停用或替换的标为需复核")
    k = cur.add_parser("export", help="导出为 CSV 或 Excel（按文件扩展名）")
    k.add_argument("file")
    k = cur.add_parser("import", help="从导出格式的 CSV 或 Excel 导入（编号已存在则改写，否则新增；有一行不合格则全部不导入）")
    k.add_argument("file")
    p.set_defaults(func=cmd_curated)
    p = sub.add_parser("check", help="资格自查：按申报条件逐条核对申报者的情况")
    p.add_argument("--list", required=True, help="榜单名称，如 新锐企业榜")
    p.add_argument("--year", type=int, default=None, help="轮次年份；不给则取最新一轮")
    p.add_argument("--field", default=None, help="领域，如 先进材料、产业基础")
    p.add_argument("--text", default="", help="用一段话描述情况（与提问时一样），再用下面的选项补充或更正")
    p.add_argument("--founded", help="成立/注册时间 YYYY 或 YYYY-MM")
    p.add_argument("--region", help="注册地")
    p.add_argument("--listed", help="上市板块（如 创业板），未上市写 no")
    p.add_argument("--staff", type=int)
    p.add_argument("--trl", type=int)
    p.add_argument("--org-type", dest="org_type", help="机构类型，如 大学科技园、创新联合体")
    p.add_argument("--accident-year", dest="accident_year", type=int, help="发生重大事故的年份")
    p.add_argument("--experience-years", dest="experience_years", type=int)
    p.add_argument("--prior", action="append", help="已入选的榜单，LIST[:YEAR]，可重复")
    for name in ("validated", "secret", "original", "import-dependent", "in-pilot", "serves-pilot", "certified", "trained", "teaches"):
        p.add_argument(f"--{name}", dest=name.replace("-", "_"), metavar="yes|no")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("bench", help="性能基准：构建、冷启动、内存、各类答案延迟、规模曲线")
    p.add_argument("--sizes", default="100,1000,10000", help="合成通知规模，逗号分隔")
    p.add_argument("--dense-max", type=int, default=100, help="不超过此规模时也构建向量（嵌入较慢）")
    p.add_argument("--repeats", type=int, default=10, help="问题集重复次数")
    p.add_argument("--out", default="docs/bench")
    p.add_argument("--work", help="保留合成通知与索引的文件夹；下次用同一文件夹时，未过期的索引直接复用")
    p.add_argument("--embedding", action="store_true", help="只测各向量后端（torch/onnx/onnx-int8）的速度与检索质量")
    p.set_defaults(func=cmd_bench)
    args = parser.parse_args(argv)
    from assistant.staff.errors import DatabaseError

    try:
        return int(args.func(args))
    except DatabaseError as exc:  # the staff database named in the settings cannot be used
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
