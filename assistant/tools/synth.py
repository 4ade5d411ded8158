"""Synthetic corpora for the scale benchmark, generated from the real notices' structure.

Each synthetic notice is a real notice (attachment forms cut off) with its year shifted, the issuer,
people, phones, document number and day numbers replaced by random ones: the structure, headings and
phrasing the extractors rely on stay those of real notices. Generated into a temporary folder for
`bench`, never committed, never mixed with corpus/.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from assistant.ingest.facts import extract_facts
from assistant.ingest.notices import Notice, load_corpus

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志明晓东海燕雪梅春林文斌宇浩然凯欣怡佳琪子涵雨萱思远博文"
ISSUERS = ["中国科协办公厅", "中国机械工程学会", "中国电子学会", "中国化工学会", "中国农学会", "中国材料研究学会", "中国生物医学工程学会", "中国环境科学学会"]


def _templates(corpus_dir: Path) -> list[tuple[Notice, list[str]]]:
    out = []
    for notice in load_corpus(corpus_dir):
        if notice.year is None:
            continue
        people = sorted({p for f in extract_facts(notice) for p in getattr(f, "persons", [])}, key=len, reverse=True)
        out.append((notice, people))
    return out


def _strip_forms(text: str) -> str:
    m = re.search(r"(?m)^\s*附件\s*2\s*$", text)
    return text[: m.start()] if m else text


def synth_notice(template: Notice, people: list[str], rng: random.Random) -> str:
    year = rng.randint(2010, 2040)
    delta = year - (template.year or year)
    text = _strip_forms(template.original)
    text = re.sub(r"(?<!\d)(20\d{2})(?!\d)", lambda m: str(int(m.group(1)) + delta), text)
    text = re.sub(r"(?<=〕)\d+(?=\s*号)", lambda m: str(rng.randint(1, 300)), text)
    text = re.sub(r"(\d{1,2})(\s*日)", lambda m: f"{rng.randint(1, 28)}{m.group(2)}", text)
    text = re.sub(r"(?<!\d)1[3-9]\d{9}(?!\d)", lambda m: "1" + "".join(rng.choice("0123456789") for _ in range(10)), text)
    text = re.sub(r"(?<=0\d{2}-)\d{8}", lambda m: "".join(rng.choice("0123456789") for _ in range(8)), text)
    for person in people:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        text = text.replace(person, name)
    issuer = rng.choice(ISSUERS)
    return text.replace("中国科协办公厅", issuer, 2)


def generate(n: int, corpus_dir: Path, out_dir: Path, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    templates = _templates(corpus_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        template, people = templates[i % len(templates)]
        path = out_dir / f"synth_{i:05d}.txt"
        path.write_text(synth_notice(template, people, rng), encoding="utf-8")
        paths.append(path)
    return paths
