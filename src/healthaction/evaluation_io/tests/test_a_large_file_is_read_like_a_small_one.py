"""A file past the first 64 KB is read by polars from its path: the same lines, encodings and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.cli import main
from healthaction.evaluation_io.csv_table import read_table

HEADER = "region,indicator,year,value,unit\n"
# ASCII only (≈ 80 KB), as a GB18030 file whose first 64 KB hold no Chinese would be.
FILLER = "".join(f"county{i},imr,2021,{i % 9}.5,%\n" for i in range(3000))


def _observations(tmp_path: Path, tail: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "observations.csv"
    path.write_bytes((HEADER + FILLER + tail).encode(encoding))
    return path


def test_a_bad_year_far_down_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "targets.csv").write_text("region,indicator,year,comparator,value\ncounty1,imr,2025,≤,5\n")
    observations = _observations(tmp_path, 'county1,"imr\n",2020,3,%\ncounty2,imr,二〇二一,3,%\n')
    args = ["evaluate", "--targets", str(tmp_path / "targets.csv"), "--observations", str(observations)]
    assert main(args) == 2
    # header 1, 3,000 filler lines, a record over lines 3002–3003: the bad year is on line 3004.
    assert "observations.csv 第3004行" in capsys.readouterr().err


def test_gb18030_past_the_first_bytes_is_still_read(tmp_path: Path) -> None:
    table = read_table(_observations(tmp_path, "平川区,婴儿死亡率,2021,3,‰\n", "gb18030"), ("region",))
    assert table.column("region").to_list()[-1] == "平川区"
    assert table.line(table.height) == 3002
