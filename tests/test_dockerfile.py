"""A Dockerfile that builds a notice board, read as what it tells (ingest/dockerfile.py)."""

from assistant.ingest.dockerfile import is_dockerfile
from assistant.ingest.notices import clean_text

DOCKERFILE = "\n".join([
    "# 东澜学会 会员服务公告栏镜像",
    "FROM nginx:alpine",
    'LABEL org.example.notice.title="东澜学会关于组织会员申报2078年“科创中国”系列榜单的通知" \\',
    '      org.example.notice.issuer="东澜学会"',
    "# 学会内部截止时间（会员向学会报送）",
    'ENV LOCAL_DEADLINE="2078年11月20日17:00" \\',
    "    QUOTA_XINRUI=4",
    "WORKDIR /usr/share/nginx/html",
    "RUN cat > /usr/share/nginx/html/notice.md <<'EOF'",
    "一、会员向学会报送：__LOCAL_DEADLINE__前，将申报样表发送至学会邮箱。",
    "二、联系人：晏可，电话010-59287316",
    "EOF",
    "COPY files/申报样表.docx /usr/share/nginx/html/files/",
    "EXPOSE 80",
    "# 更正，以此为准",
    'ENV LOCAL_DEADLINE="2078年11月16日17:00"',
    'RUN sed -i "s/__LOCAL_DEADLINE__/${LOCAL_DEADLINE}/g" /usr/share/nginx/html/notice.md',
])


def test_a_dockerfile_is_told_from_a_mailbox_or_a_notice() -> None:
    assert is_dockerfile(DOCKERFILE)
    assert not is_dockerfile("From a@b.cn Mon Sep 24 09:12:00 2074\nFrom: a@b.cn\nTo: c@d.cn\nSubject: 通知\n\n正文")


def test_its_labels_and_settings_read_as_values_the_later_setting_in_force_and_the_written_text_kept() -> None:
    lines = clean_text(DOCKERFILE).text.split("\n")
    assert "标题：东澜学会关于组织会员申报2078年“科创中国”系列榜单的通知" in lines
    assert "本地截止时间：2078年11月16日17:00" in lines and "11月20日" not in "\n".join(lines)
    # the here-document is the notice's text, its placeholder the value in force
    assert "一、会员向学会报送：2078年11月16日17:00前，将申报样表发送至学会邮箱。" in lines
    assert not any(line.startswith(("FROM", "COPY", "EXPOSE", "RUN", "WORKDIR")) for line in lines)


def test_a_comment_inside_a_continued_instruction_and_the_legacy_env_form() -> None:
    text = DOCKERFILE.replace("WORKDIR /usr/share/nginx/html",
                              "RUN apt-get update \\\n# 注释\n    && apt-get install -y curl\nENV CONTACT 晏可 010-59287316")
    lines = clean_text(text).text.split("\n")
    assert not any("apt-get" in line for line in lines)  # the command goes on over its comment line
    assert any("晏可" in line and "010-59287316" in line and "：" in line for line in lines)
