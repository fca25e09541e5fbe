"""The 考核 pages as a reader meets them: the matrix with items down the side and regions across, the
复核 and 组织实施 佐证材料 as downloads for the regions concerned only, a county's way to its 自评."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from web.assessment.services import organisation_score_set, review_value_set
from web.assessment.tests.conftest import B, C, Counties


def test_the_matrix_has_an_item_per_row_and_a_region_per_column(client: Client, counties: Counties) -> None:
    client.force_login(counties.office)
    page = client.get(f"/assessment/schemes/{counties.scheme.pk}/").content.decode()
    matrix = page[
        page.index('<table class="matrix">') : page.index("</table>", page.index('<table class="matrix">'))
    ]
    header = matrix[: matrix.index("</thead>")]
    assert header.count('<th scope="col">') == 1 + 4  # 考核项目 and the four counties
    assert "平川区" in header
    assert "居民健康素养水平" not in header
    rows = re.findall(r'<th scope="row">([^<]+)</th>', matrix)
    assert "居民健康素养水平" in rows
    assert "孕产妇死亡率" in rows
    assert rows[-1] == "最终得分"  # the total under each region's column
    assert 'class="matrix"' in page.split('<table class="matrix">')[0][-40:]  # inside its scrolling box


def test_a_reviewed_value_s_evidence_downloads_for_the_office_and_the_county_not_an_outsider(
    client: Client, counties: Counties, tmp_path: Path
) -> None:
    with override_settings(MEDIA_ROOT=tmp_path):
        reviewed = review_value_set(
            scheme=counties.scheme,
            region=counties.b,
            indicator=counties.indicators[0],
            year=2022,
            value=Decimal(22),
            reason="抽样复核",
            user=counties.office,
            evidence=SimpleUploadedFile("复核记录.pdf", b"%PDF-1.4 review"),
        )
        url = f"/assessment/schemes/{counties.scheme.pk}/evidence/review/{reviewed.pk}/"
        client.force_login(counties.office)
        page = client.get(f"/assessment/schemes/{counties.scheme.pk}/review/{B}/").content.decode()
        assert f'href="{url}"' in page
        assert ">复核记录.pdf</a>" in page
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 review"  # type: ignore[attr-defined]
        client.force_login(counties.county_admin)  # 平川区's own reviewed value
        item = reviewed.indicator_id
        trace = client.get(f"/assessment/schemes/{counties.scheme.pk}/trace/{B}/{item}/").content.decode()
        assert f'href="{url}"' in trace
        assert client.get(url).status_code == 200
        client.force_login(counties.outsider)
        assert client.get(url).status_code in (403, 404)


def test_an_organisation_score_s_evidence_downloads_and_a_missing_file_is_a_clear_404(
    client: Client, counties: Counties, tmp_path: Path
) -> None:
    from web.assessment.models import OrganisationItem

    item = OrganisationItem.objects.create(scheme=counties.scheme, name="机构设置", max_points=Decimal(4))
    with override_settings(MEDIA_ROOT=tmp_path):
        given = organisation_score_set(
            item=item,
            region=counties.c,
            points=Decimal(3),
            reason="文件齐全",
            user=counties.office,
            evidence=SimpleUploadedFile("机构设置.pdf", b"%PDF-1.4 org"),
        )
        url = f"/assessment/schemes/{counties.scheme.pk}/evidence/organisation/{given.pk}/"
        client.force_login(counties.office)
        page = client.get(f"/assessment/schemes/{counties.scheme.pk}/review/{C}/").content.decode()
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200
        client.force_login(counties.county_admin)  # 平川区 may not read 靖远县's file
        assert client.get(url).status_code in (403, 404)
        Path(tmp_path / given.evidence.name).unlink()
        client.force_login(counties.office)
        missing = client.get(url)
        assert missing.status_code == 404
        assert "重新上传" in missing.content.decode()


def test_a_county_s_assessment_page_links_its_self_assessment_in_the_city_s_scheme(
    client: Client, counties: Counties
) -> None:
    client.force_login(counties.county_admin)
    page = client.get(f"/assessment/{B}/").content.decode()
    self_page = f"/assessment/schemes/{counties.scheme.pk}/self/{B}/"
    assert f'href="{self_page}"' in page
    assert client.get(self_page).status_code == 200


def test_the_self_assessment_writes_each_value_with_its_unit_in_the_table_and_the_sentence(
    client: Client, counties: Counties
) -> None:
    client.force_login(counties.county_admin)
    page = client.get(f"/assessment/schemes/{counties.scheme.pk}/self/{B}/").content.decode()
    assert "2022年实际值23%" in page  # 居民健康素养水平 of 平川区, in the sentence
    assert '<td class="n">23%</td>' in page  # and in the 上报值 column
    assert "2022年不低于22%" in page  # the target in words, with its unit
