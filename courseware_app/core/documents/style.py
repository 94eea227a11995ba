"""The printed page's style sheet (Qt's rich-text CSS subset); the faces ship in resources/fonts."""

from __future__ import annotations

BODY_FONT = "DejaVu Serif"
MONO_FONT = "DejaVu Sans Mono"

# Qt takes a table's margins in px only (a value in pt is ignored).
PRINT_CSS = f"""
body {{ font-family: "{BODY_FONT}"; font-size: 10.5pt; }}
p {{ margin-top: 3pt; margin-bottom: 5pt; line-height: 125%; }}
p.figure {{ line-height: 100%; margin-top: 6pt; margin-bottom: 6pt; }}
h1 {{ font-size: 18pt; margin-top: 0pt; margin-bottom: 6pt; }}
h2 {{ font-size: 14pt; margin-top: 16pt; margin-bottom: 5pt; }}
h3 {{ font-size: 12pt; margin-top: 10pt; margin-bottom: 3pt; }}
h4 {{ font-size: 11pt; margin-top: 8pt; margin-bottom: 2pt; }}
ul, ol {{ margin-top: 2pt; margin-bottom: 2pt; }}
li {{ margin-top: 1pt; margin-bottom: 1pt; }}
p.summary {{ font-style: italic; }}
p.meta, p.note {{ font-size: 9pt; color: #444444; }}
p.objectives-title {{ margin-top: 8pt; }}
table {{ margin-top: 8px; margin-bottom: 8px; }}
th {{ font-weight: bold; background-color: #e8e8e8; text-align: left; }}
td, th {{ padding: 3pt; vertical-align: top; }}
table.grid, table.grid td, table.grid th, table {{ border-color: #888888; }}
table.grid {{ border-width: 1px; border-style: solid; border-collapse: collapse; }}
table.callout {{ border-width: 1px; border-style: solid; border-color: #999999;
  background-color: #f4f4f4; }}
table.trainer {{ background-color: #fff4dc; border-color: #c89a3c; }}
table.slide {{ background-color: #eef3fb; border-color: #7d97c4; }}
p.callout-title {{ font-weight: bold; }}
pre, code {{ font-family: "{MONO_FONT}"; font-size: 9pt; }}
pre {{ background-color: #f4f4f4; }}
p.cover-course {{ font-size: 13pt; margin-top: 60pt; }}
h1.cover-kind {{ font-size: 28pt; margin-top: 18pt; }}
p.cover-module {{ font-size: 16pt; margin-bottom: 30pt; }}
td.label {{ font-weight: bold; }}
h2.contents {{ margin-top: 40pt; }}
p.question {{ margin-top: 10pt; }}
p.instruction {{ font-size: 9pt; color: #444444; }}
td.mark {{ white-space: pre; }}
p.write {{ margin-top: 14pt; }}
p.answer {{ color: #0b5d1e; }}
p.explanation {{ color: #333333; }}
span.points {{ font-size: 9pt; color: #444444; }}
table.name-lines {{ margin-bottom: 16px; }}
table.answers {{ margin-bottom: 14px; }}
h1.certificate-title {{ font-size: 30pt; text-align: center; margin-top: 50pt; }}
p.certificate-intro {{ text-align: center; font-size: 12pt; margin-top: 12pt; }}
p.certificate-name {{ text-align: center; font-size: 22pt; font-weight: bold; margin-top: 12pt; }}
p.certificate-course {{ text-align: center; font-size: 15pt; font-weight: bold; margin-top: 12pt; }}
p.certificate-version {{ text-align: center; font-size: 10pt; margin-bottom: 20pt; }}
table.signature {{ margin-top: 80px; }}
"""
