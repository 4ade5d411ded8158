"""A database dump read as its tables: rows under their columns' labels, a record's values as lines,
a later UPDATE in force, every cell verbatim in the file."""

from __future__ import annotations

from assistant.ingest.notices import clean_text
from assistant.ingest.sqldump import is_sql_dump
from assistant.ingest.textmap import normalize_for_match, verbatim

DUMP = """-- MySQL dump 10.13
DROP TABLE IF EXISTS `notice`;
CREATE TABLE `notice` (
  `id` int NOT NULL,
  `title` varchar(255) NOT NULL COMMENT '标题',
  `issuer` varchar(128) NOT NULL COMMENT '发文单位',
  `body` mediumtext COMMENT '正文',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `notice` WRITE;
INSERT INTO `notice` VALUES (7,'云岭市科协关于推荐2070年“科创中国”榜单的通知','云岭市科学技术协会','一、名额\\n各区县按表报送。');
UNLOCK TABLES;
CREATE TABLE `quota` (
  `id` int NOT NULL,
  `list_name` varchar(64) COMMENT '榜单',
  `local_quota` varchar(64) COMMENT '区县向市科协报送上限',
  `due` varchar(64) COMMENT '截止',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='名额与时间';
INSERT INTO `quota` VALUES
(1,'新锐企业榜','不超过2家','2070年11月3日'),
(2,'先导技术榜',NULL,'2070年11月5日');
-- 注意：区县上限不叠加。
UPDATE `quota` SET `due`='2070年11月9日' WHERE `id`=1;
"""


def test_a_dump_reads_as_its_record_and_its_tables_with_the_update_in_force() -> None:
    assert is_sql_dump(DUMP)
    mt = clean_text(DUMP)
    lines = mt.text.split("\n")
    assert lines[0] == "云岭市科协关于推荐2070年“科创中国”榜单的通知" and "一、名额" in lines  # escaped line ends read
    assert "榜单 | 区县向市科协报送上限 | 截止" in lines and "名额与时间" in lines  # the id column left out
    assert "新锐企业榜 | 不超过2家 | 2070年11月9日" in lines  # the UPDATE's value, not 11月3日
    assert "11月3日" not in mt.text and "注意：区县上限不叠加。" in lines
    assert not any(w in mt.text for w in ("CREATE", "INSERT", "LOCK", "DROP", "MySQL"))
    normalized = normalize_for_match(DUMP)
    assert all(verbatim(line, normalized) for line in lines if line.strip())
