"""Whatever the bytes, parsing gives a plan valid against the schema, or a clear IngestError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthaction.ingest import IngestError, parse_file
from healthaction.plan import plan_json_schema

VALIDATOR = jsonschema.Draft202012Validator(plan_json_schema())

# Pieces of real plan documents, so that generated text reaches deep into the extractors.
_PIECES = (
    "健康某某行动实施方案/某某区人民政府/〔2021〕/号/2021年2月25日/一、/（一）/1./1、/"
    "健康知识普及行动/专项行动/行动目标：/牵头部门：/配合部门：/牵头单位/配合单位/；/，/。/"
    "到2022年/和2030年/，居民健康素养水平/分别/不低于/达到/以上/以下/22%/30％/提高/下降/持续/"
    "实现/保持/考核指标框架/序号/指标/考核依据/基期水平/2022年目标值/（岁）/74.6/≤3．75/"
    "32．29*/推进委员会/主  任：/副主任：/成  员：/区长/区卫健局局长/工作组/组  长：/责任清单/"
    "十二大工程/重点工作任务/具体措施/包抓领导/牵头领导/责任部门/完成时限/2021年12月底/"
    "（X负责）/牵头，/参与）/<p>/—/*/(/)/（/）/：/:"
)
FRAGMENTS = [*_PIECES.split("/"), "\t", "\n", " | ", "\u3000"]

plan_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _parse_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.txt"
        path.write_bytes(data)
        try:
            plan = parse_file(path)
        except IngestError as exc:
            message = str(exc)
            assert message.startswith(str(path)), message
            assert "\n" not in message
            return
    VALIDATOR.validate(plan.model_dump(mode="json"))


@SETTINGS
@given(plan_text | any_text)
def test_any_utf8_text_parses_to_a_valid_plan_or_a_clear_error(text: str) -> None:
    _parse_bytes(text.encode("utf-8"))


@SETTINGS
@given(plan_text | any_text)
def test_any_gb18030_text_parses_to_a_valid_plan_or_a_clear_error(text: str) -> None:
    _parse_bytes(text.encode("gb18030"))


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_parse_to_a_valid_plan_or_a_clear_error(data: bytes) -> None:
    _parse_bytes(data)
