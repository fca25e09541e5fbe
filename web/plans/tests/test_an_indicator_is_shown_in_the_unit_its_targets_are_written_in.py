"""Issue 15: 平川区's framework heads 婴儿死亡率 with（%）while its action text says 7.5‰ and 5‰, so the
pages showed a value in % beside its target in ‰. The import keeps the numbers and shows the indicator,
and the targets labelled like it, in the catalog's unit the numbers fit (said in the preview); an
unlabelled 优良率 gets the catalog's %. The plan page shows each stage of a two-stage target for its year."""

from __future__ import annotations

from django.test import Client

from healthaction.plan import Action, FrameworkRow, Plan, Target
from web.conftest import World
from web.plans.models import Indicator, PlanDocument
from web.plans.models import Target as StoredTarget
from web.plans.services import plan_import


def _plan() -> Plan:
    infant = [
        Target(
            indicator="婴儿死亡率",
            year=2022,
            comparator="<=",
            value=7.5,
            unit="‰",
            text="分别控制在7.5‰及以下和5‰及以下",
        ),
        Target(
            indicator="婴儿死亡率",
            year=2030,
            comparator="<=",
            value=5,
            unit="‰",
            text="分别控制在7.5‰及以下和5‰及以下",
        ),
    ]
    stunting = [
        Target(
            indicator="5岁以下儿童生长迟缓率",
            year=2022,
            comparator="<",
            value=7,
            unit="%",
            text="分别低于7%和5%",
        ),
        Target(
            indicator="5岁以下儿童生长迟缓率",
            year=2030,
            comparator="<",
            value=5,
            unit="%",
            text="分别低于7%和5%",
        ),
    ]
    return Plan(
        title="健康平川行动实施方案（单位测试）",
        region="平川区",
        parent_region="白银市",
        actions=[
            Action(seq=1, name="妇幼健康促进行动", lead_departments=["区卫健局"], targets=infant + stunting)
        ],
        framework=[
            FrameworkRow(
                seq=1,
                indicator="婴儿死亡率",
                unit="%",
                basis=None,
                baseline=None,
                targets=[
                    Target(
                        indicator="婴儿死亡率", year=2022, comparator="<=", value=7.5, unit="%", text="≤7.5"
                    )
                ],
            ),
            FrameworkRow(
                seq=2,
                indicator="国家学生体质健康标准达标优良率",
                unit=None,
                basis=None,
                baseline=None,
                targets=[
                    Target(
                        indicator="国家学生体质健康标准达标优良率",
                        year=2022,
                        comparator=">=",
                        value=50,
                        unit=None,
                        text="≥50",
                    )
                ],
            ),
        ],
    )


def test_a_mislabelled_rate_takes_the_unit_its_numbers_are_written_in(world: World) -> None:
    preview = plan_import(plan=_plan(), region=world.pingchuan, content=b"units", file_name="units.txt")
    infant = Indicator.objects.get(region=world.pingchuan, name="婴儿死亡率")
    assert infant.unit == "‰"
    assert set(StoredTarget.objects.filter(indicator=infant).values_list("unit", flat=True)) == {"‰"}
    assert any("婴儿死亡率" in w and "按「‰」显示" in w for w in preview.warnings)
    assert Indicator.objects.get(region=world.pingchuan, name="国家学生体质健康标准达标优良率").unit == "%"


def test_the_plan_page_reads_each_stage_of_a_two_stage_target_for_its_year(
    client: Client, world: World
) -> None:
    plan_import(plan=_plan(), region=world.pingchuan, content=b"units", file_name="units.txt")
    document = PlanDocument.objects.get(title="健康平川行动实施方案（单位测试）")
    client.force_login(world.office)
    page = client.get(f"/plans/{document.pk}/").content.decode()
    assert "<td>2022</td><td>低于7%</td>" in page
    assert "<td>2030</td><td>低于5%</td>" in page
    assert "<td>2030</td><td>不高于5‰</td>" in page
