"""A chat channel's saved log read as what was said (assistant/ingest/chatlog.py)."""

from assistant.ingest.chatlog import chat_log_text, is_chat_log
from assistant.ingest.facts.schedule import corrections_in
from assistant.ingest.textmap import MappedText

LOG = (
    "--- Log opened Wed Oct 09 09:38:12 2069\n"
    "--- Channel: #kc (岚州市科协 · 榜单工作群)\n"
    "[2069-10-09 09:39] *** chen joined #kc\n"
    "[2069-10-09 09:40] *** chen changed the topic to: 本市重点：新锐企业榜\n"
    "[2069-10-09 10:02] <chen> 各位好，我是市科协陈某。\n"
    "[2069-10-09 10:15] <chen> 报送时间：各区县请在11月3日17:00前交到市科协。\n"
    "[2069-10-09 10:16] <zhou> 好的。\n"
    "[2069-10-09 10:17] * zhou 已转给企业\n"
    "[2069-10-10 09:05] <chen> s/11月3日/11月6日/\n"
    "[2069-10-10 09:06] <chen> 更正：截止时间是11月6日17:00。\n"
)


def test_a_log_is_read_as_its_messages_without_stamps_nicks_or_joins() -> None:
    assert is_chat_log(LOG)
    text = chat_log_text(MappedText.of(LOG)).text
    lines = text.splitlines()
    assert lines[0] == "Channel: #kc (岚州市科协 · 榜单工作群)"
    assert "2069年10月9日" in lines and "2069年10月10日" in lines  # each day's date once, before its messages
    assert "频道主题：本市重点：新锐企业榜" in lines
    assert "报送时间：各区县请在11月3日17:00前交到市科协。" in lines
    assert "已转给企业" in lines
    assert "joined" not in text and "<chen>" not in text and "Log opened" not in text


def test_a_sed_correction_reads_as_the_correction_it_is() -> None:
    text = chat_log_text(MappedText.of(LOG)).text
    assert "11月3日改为11月6日" in text
    assert [(c.old, c.new) for c in corrections_in(text)][:1] == [((11, 3), (11, 6))]


def test_plain_text_with_a_few_times_is_no_log() -> None:
    notice = "各单位：\n[10:00] 开会\n请于11月3日前报送。\n" * 2
    assert not is_chat_log(notice)


WHATSAPP = (
    "2071/10/9 上午9:40 - 消息和通话已进行端到端加密。\n"
    "2071/10/9 上午9:41 - 聂某添加了贲某、戴某\n"
    "2071/10/9 上午10:02 - 聂某: 各位好，我是市科协科技服务科聂某。\n"
    "2071/10/9 上午10:06 - 聂某: 市里的安排：\n"
    "④ 区里报市科协的截止时间：11月5日17:00，过时不候。\n"
    "2071/10/9 上午10:07 - 聂某: *11月9日\n"
    "2071/10/9 上午10:08 - 聂某: <媒体文件已省略>\n"
    "2071/10/9 上午10:15 - 戴某: 收到\n"
    "2071/10/12 下午3:20 - 贲某: 此消息已删除\n"
    "2071/10/12 下午3:21 - 贲某: 我添加了附件说明\n"
)


def test_an_export_of_another_client_is_read_the_same_way() -> None:
    """A WhatsApp-style export ("日期 上午时间 - 名字: 消息"): the same messages, the client's own lines gone,
    a message's later lines kept, a one-word "*11月9日" read as correcting one's own earlier date."""
    assert is_chat_log(WHATSAPP)
    text = chat_log_text(MappedText.of(WHATSAPP)).text
    lines = [line for line in text.splitlines() if line.strip()]
    assert "④ 区里报市科协的截止时间：11月5日17:00，过时不候。" in lines
    assert "11月5日改为11月9日" in lines
    assert [(c.old, c.new) for c in corrections_in(text)] == [((11, 5), (11, 9))]
    assert not any("加密" in line or "添加了贲某" in line or "媒体文件" in line or "已删除" in line for line in lines)
    assert "我添加了附件说明" in lines  # (a person's message that says 添加了 is a message)
    assert "2071年10月12日" in lines
