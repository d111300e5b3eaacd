#!/usr/bin/env python3
"""Writes registers.xlsx, the test workbook of the xlsx-registers mapping, with the standard
library only: text as shared and inline strings, dates as serial numbers with a date style
(as Excel saves them), a boolean cell, and a 'Read me' sheet no record reads."""
import datetime, zipfile
from xml.sax.saxutils import escape

SHEETS = {
    "Read me": [["This workbook holds the SMS registers."]],
    "Documents": [
        ["ID", "Title", "Kind", "Version", "Status", "Owner", "Approved by", "Approved on", "Last reviewed", "Review interval (months)", "Location"],
        ["DOC-001", "Service management policy", "Service management policy", "3.0", "Approved", "P-CEO", "P-CEO", datetime.date(2026, 1, 15), datetime.date(2026, 1, 15), 12, "SharePoint/SMS"],
        ["DOC-002", "Change management procedure", "Procedure", "1.2", "Draft", "P-CHG", None, None, None, 12, None],
    ],
    "Training": [
        ["ID", "Person", "Competence", "Completed on", "Expires on", "Provider"],
        ["TR-1", "P-CHG", "ITIL 4 Foundation", datetime.date(2025, 6, 30), datetime.date(2028, 6, 30), "Axelos"],
        ["TR-2", "P-OPS", "ISO/IEC 20000 awareness", datetime.datetime(2026, 2, 3, 14, 30), None, "In house"],
    ],
    "Risks": [
        ["ID", "Title", "Category", "Owner", "Identified on", "Likelihood", "Impact", "Treatment", "Status", "Last assessed"],
        ["R-01", "Single data centre", "Continuity", "P-CEO", datetime.date(2025, 11, 2), 2, 5, "Reduce", "Treating", datetime.date(2026, 3, 1)],
        ["R-02", "Key supplier insolvency", "Supplier", "P-CHG", datetime.date(2025, 12, 9), 1, 4, "Accept", "Accepted", datetime.date(2026, 3, 1)],
    ],
    "Suppliers": [
        ["ID", "Name", "Type", "Active", "Manager", "Criticality", "Services"],
        ["S-1", "Acme Hosting", "External", True, "P-CHG", "High", "SVC-MAIL; SVC-WEB"],
        ["S-2", "Group IT", "Internal", False, "P-OPS", "Low", None],
    ],
}

shared = []
def shared_index(text):
    if text not in shared:
        shared.append(text)
    return shared.index(text)

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def cell(ref, v, row_no):
    if v is None:
        return ""
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (datetime.date, datetime.datetime)):
        base = datetime.datetime(1899, 12, 30)
        d = v if isinstance(v, datetime.datetime) else datetime.datetime(v.year, v.month, v.day)
        serial = (d - base).total_seconds() / 86400
        return f'<c r="{ref}" s="1"><v>{serial:g}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if row_no % 2:   # odd rows: shared strings; even rows: inline strings
        return f'<c r="{ref}" t="s"><v>{shared_index(v)}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'

def sheet_xml(rows):
    out = []
    for r, values in enumerate(rows, start=1):
        cells = "".join(cell(f"{col(c)}{r}", v, r) for c, v in enumerate(values))
        out.append(f'<row r="{r}">{cells}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(out) + "</sheetData></worksheet>")

names = list(SHEETS)
sheets = [sheet_xml(SHEETS[n]) for n in names]
with zipfile.ZipFile("registers.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               + "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(names)))
               + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
               '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
               '</Types>')
    z.writestr("_rels/.rels",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
               '</Relationships>')
    z.writestr("xl/workbook.xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               + "".join(f'<sheet name="{escape(n)}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, n in enumerate(names))
               + "</sheets></workbook>")
    z.writestr("xl/_rels/workbook.xml.rels",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(len(names)))
               + f'<Relationship Id="rId{len(names)+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               f'<Relationship Id="rId{len(names)+2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
               '</Relationships>')
    z.writestr("xl/styles.xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>'
               '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    for i, s in enumerate(sheets):
        z.writestr(f"xl/worksheets/sheet{i+1}.xml", s)
    z.writestr("xl/sharedStrings.xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
               + "".join(f"<si><t>{escape(t)}</t></si>" for t in shared) + "</sst>")
