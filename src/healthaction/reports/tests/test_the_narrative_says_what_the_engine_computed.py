"""The numbers in the drafted text are the engine's: counts per status, explanations, scores and 复核."""

from __future__ import annotations

import re
from collections import Counter

from docx import Document

from healthaction.reports.tests.conftest import Built, region_series
from healthaction.reports.wording import LABELS, moved_count, progress_words


def _text(built: Built, kind: str) -> str:
    return "\n".join(p.text for p in Document(str(built.folder / f"{kind}.docx")).paragraphs)


def test_the_overall_report_counts_each_status_as_the_engine_did(built: Built) -> None:
    series = region_series(built)
    counts = Counter(series["label"].to_list())
    text = _text(built, "overall")
    found = re.search(r"截至2022年，全区(\d+)项监测指标中，([^；]+)；", text)
    assert found, text[:300]
    assert int(found.group(1)) == series.height
    said = dict(
        (label, int(n)) for label, n in re.findall(r"(\D+?)(\d+)项", found.group(2).replace("，", ""))
    )
    assert said == {label: counts[label] for label in LABELS if counts[label]}
    good = counts["已达标"] + counts["进度正常"]
    assert f"已达标和进度正常的指标合计{good}项，占{good / series.height * 100:.1f}%" in text


def test_each_lagging_or_missed_indicator_is_named_with_the_engines_values(built: Built) -> None:
    text = _text(built, "overall")
    behind = region_series(built).filter(
        region_series(built)["label"].is_in(["进度滞后", "严重滞后", "未达标"])
    )
    assert behind.height > 0
    results = {r.indicator: r for r in built.data["overall"].indicators}
    for row in behind.iter_rows(named=True):
        result = results[row["indicator"]]
        assert (result.value, result.label) == (row["value"], row["label"])
        assert f"{row['indicator']}（{progress_words(result, 2022)}）" in text


def test_the_action_report_explains_every_indicator_of_the_action(built: Built) -> None:
    text = _text(built, "action")
    action = built.data["action"].action
    assert action is not None
    assert action.indicators
    engine = {r["indicator"]: r for r in region_series(built).iter_rows(named=True)}
    for result in action.indicators:
        row = engine[result.indicator]
        assert f"{progress_words(result, 2022)}，状态为{row['label']}" in text
    assert "由区卫健局牵头" in text


def test_year_on_year_counts_come_from_last_years_results(built: Built) -> None:
    data = built.data["overall"]
    before = Counter(r.previous_label for r in data.indicators)
    now = Counter(r.label for r in data.indicators)
    said = f"与2021年相比，已达标指标{moved_count(before['已达标'], now['已达标'])}"
    assert said in _text(built, "overall")


def test_the_assessment_gives_the_ranking_with_scores_and_the_review_reasons(built: Built) -> None:
    text = _text(built, "assessment")
    scores = built.data["assessment"].scores
    assert [s.region for s in scores][-1] == "景泰县"  # vetoed: last whatever its score
    for s in scores:
        if not s.vetoed:
            assert f"第{s.rank}名{s.region}（{s.final:.2f}分）" in text
    assert "景泰县因发生重大公共卫生责任事件，实行一票否决" in text
    assert "会宁县因健康促进县建设获省级通报表扬，加2分" in text
    assert "白银区因数据报送迟报，扣1分" in text
    assert "白银区居民健康素养水平上报值21，复核值20（抽样复核调查结果低于上报值）" in text
    grades = Counter(s.grade for s in scores)
    assert "5个县（区）中，" in text
    assert all(f"{g}{n}个" in text for g, n in grades.items())
