"""A Draft as one self-contained HTML page: inline stylesheet (screen and print), charts as data URIs.

No CDN and no external file: the page opens the same on an intranet and prints on A4 with
the official layout's margins.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from healthaction.reports.docx_writer import cell_text
from healthaction.reports.draft import Draft, Figure, Heading, Paragraph, Table

STYLE = """
body { font-family: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt;
  line-height: 1.8; max-width: 156mm; margin: 2em auto; color: #000; background: #fff; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif;
  font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 1em; line-height: 1.5; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
  margin: 0; text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "KaiTi", "STKaiti", serif; font-size: 16pt; font-weight: normal;
  margin: 0; text-indent: 2em; }
h4 { font-size: 16pt; font-weight: bold; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; }
p.demo { text-indent: 0; text-align: center; font-family: "黑体", "SimHei", sans-serif; font-size: 10.5pt; }
p.annex-note { text-indent: 2em; margin-top: 1.8em; }
p.annex-note + p.annex-note { margin-top: 0; text-indent: 5em; }
section.annex { break-before: page; margin-top: 2em; }
p.annex-label { text-indent: 0; font-family: "黑体", "SimHei", sans-serif; }
p.annex-title { text-indent: 0; text-align: center; font-size: 22pt; line-height: 1.5;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif; }
p.note { text-indent: 0; font-size: 12pt; }
p.signature { text-align: right; text-indent: 0; margin-right: 2em; }
p.signature + p.signature { margin-right: 4em; }
figure { margin: 0.5em 0; text-align: center; }
figure img { max-width: 100%; }
figcaption, caption { font-family: "黑体", "SimHei", sans-serif; font-size: 14pt; text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.4; margin: 0.5em 0; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; }
th { font-weight: bold; background: #eef2f7; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.record { margin-top: 2em; border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000;
  font-size: 14pt; display: flex; justify-content: space-between; padding: 0 1em; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  body { margin: 0; max-width: none; }
  th { background: none; }
  thead { display: table-header-group; }
  tr, figure { page-break-inside: avoid; }
  h2, h3, h4, caption { page-break-after: avoid; }
}
"""
_HEADINGS = {1: "h2", 2: "h3", 3: "h4"}


def render_html(draft: Draft) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(draft.title)}</title><style>{STYLE}</style></head><body>",
    ]
    if draft.demo:
        parts.append('<p class="demo">演示数据　不作正式文件使用</p>')
    parts.append(f"<h1>{escape(draft.title)}</h1>")
    if draft.addressee:
        parts.append(f'<p class="addressee">{escape(draft.addressee)}</p>')
    for block in draft.blocks:
        if isinstance(block, Heading):
            tag = _HEADINGS[min(block.level, 3)]
            parts.append(f"<{tag}>{escape(block.text)}</{tag}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Figure):
            data = base64.b64encode(block.png).decode("ascii")
            parts.append(
                f'<figure><img src="data:image/png;base64,{data}" alt="{escape(block.caption)}">'
                f"<figcaption>{escape(block.caption)}</figcaption></figure>"
            )
    for line in draft.annex_note:
        parts.append(f'<p class="annex-note">{escape(line)}</p>')
    parts.append(f'<p class="signature">{escape(draft.signature)}</p>')
    parts.append(f'<p class="signature">{escape(draft.date)}</p>')
    for index, annex in enumerate(draft.annexes, 1):
        label = f"附件{index}" if len(draft.annexes) > 1 else "附件"
        parts.append(
            f'<section class="annex"><p class="annex-label">{label}</p>'
            f'<p class="annex-title">{escape(annex.title)}</p>'
        )
        if annex.note:
            parts.append(f'<p class="note">{escape(annex.note)}</p>')
        parts.append(_table(annex.table) + "</section>")
    if draft.copy_to:
        parts.append(f'<div class="record"><span>抄送：{escape("，".join(draft.copy_to))}。</span></div>')
    parts.append(
        f'<div class="record"><span>{escape(draft.issuer)}</span><span>{escape(draft.date)}印发</span></div>'
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(c.header)}</th>" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = []
        for value, column in zip(row, table.columns, strict=True):
            kind = ' class="number"' if isinstance(value, int | float) else ""
            cells.append(f"<td{kind}>{escape(cell_text(value, column))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f"<table><caption>{escape(table.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def write_html(draft: Draft, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(draft), encoding="utf-8")
    tmp.replace(path)
