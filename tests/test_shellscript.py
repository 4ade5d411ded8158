"""A shell script that writes a notice, read without running it (ingest/shellscript.py)."""

from __future__ import annotations

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.shellscript import is_shell_script
from assistant.model import ContactFact, DeadlineFact

SCRIPT = "\n".join([
    "#!/usr/bin/env bash",
    "# publish.sh——学会官网发布脚本",
    "set -euo pipefail",
    "# 学会内部截止时间（会员向学会报送材料）",
    'export LOCAL_DEADLINE="2075年11月5日17:00"',
    'export SUBMIT_MAIL="bangdan@example-society.org.cn"',
    'WEB_ROOT="/srv/www/notice"',
    "declare -A QUOTA=(",
    '  ["新锐企业榜"]=4',
    '  ["应用场景创新榜"]=2',
    ")",
    "contact() {",
    "  printf '%s：%s，联系人%s，电话%s\\n' \\",
    '    "先进材料领域初评机构" "中国科协新材料学会联合体" "费丽雯" "010-65327719"',
    "}",
    "quota_lines() {",
    '  for k in "新锐企业榜" "应用场景创新榜"; do',
    "    printf '%s：不超过%s个\\n' \"$k\" \"${QUOTA[$k]}\"",
    "  done",
    "}",
    "# 10月17日秘书长办公会：会员报送截止顺延",
    'LOCAL_DEADLINE="2075年11月11日17:00"  # 更正，以此为准',
    "cat > notice.txt <<EOF",
    "关于组织推荐2075年“科创中国”系列榜单的通知",
    "三、时间安排",
    "1. 请会员于${LOCAL_DEADLINE}前将申报样表发送至${SUBMIT_MAIL}，逾期不再受理。",
    "$(quota_lines)",
    "EOF",
    "cat >> notice.txt <<'EOF'",
    "四、补充条件：单位会员限报${QUOTA[新锐企业榜]}项。",
    "EOF",
    'if [[ "$DRY_RUN" == "1" ]]; then',
    '  rsync -az "${WEB_ROOT}/" webpub@example.org:/data/',
    "fi",
])


def lines() -> list[str]:
    return [line.strip() for line in clean_text(SCRIPT).text.split("\n") if line.strip()]


def test_a_script_is_told_by_its_first_line_or_its_assignments_and_heredoc() -> None:
    assert is_shell_script(SCRIPT)
    assert not is_shell_script("关于组织推荐的通知\n请各单位于11月5日前报送。")


def test_assignments_arrays_and_printf_read_as_what_they_say() -> None:
    shown = lines()
    assert "本地截止时间：2075年11月5日17:00" in shown
    assert "新锐企业榜名额：4" in shown and "应用场景创新榜名额：2" in shown
    assert "先进材料领域初评机构：中国科协新材料学会联合体，联系人费丽雯，电话010-65327719" in shown
    assert not any("/srv/www" in line or "rsync" in line or "set -e" in line for line in shown)  # the script's own
    assert not any("$k" in line or "不超过个" in line for line in shown)  # a loop's output is not known without running it


def test_a_heredoc_is_written_with_its_variables_as_assigned_by_then() -> None:
    shown = lines()
    assert "1. 请会员于2075年11月11日17:00前将申报样表发送至bangdan@example-society.org.cn，逾期不再受理。" in shown
    assert "四、补充条件：单位会员限报${QUOTA[新锐企业榜]}项。" in shown  # a quoted delimiter: written as it stands


def test_a_reassignment_in_force_replaces_the_first_and_facts_cite_the_script() -> None:
    notice = make_notice("publish.txt", SCRIPT)
    facts = extract_facts(notice)
    days = {f.date for f in facts if isinstance(f, DeadlineFact)}
    assert "2075-11-11" in days and "2075-11-05" not in days
    person = next(f for f in facts if isinstance(f, ContactFact) and "费丽雯" in f.persons)
    assert "010-65327719" in person.phones and "费丽雯" in notice.original[person.start : person.end]


def test_an_array_never_closed_is_read_in_linear_time() -> None:
    import time

    from assistant.ingest.shellscript import shell_text
    from assistant.ingest.textmap import MappedText

    script = "#!/bin/bash\ndeclare -A Q=(\n" + '  ["新锐企业榜"]=4\n' * 40_000
    started = time.perf_counter()
    shell_text(MappedText.of(script))
    assert time.perf_counter() - started < 2.0  # (0.2 s here; 7 s when each line re-read all before it)
