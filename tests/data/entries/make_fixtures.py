#!/usr/bin/python3
"""Writes the entries fixtures of the import tests, deterministically (stdlib only).

    /usr/bin/python3 tests/data/entries/make_fixtures.py

meet.json        a small meet to import into: events of several codes and genders, six clubs,
                 five competitors the file merges into (four by bib, one by name and birth date)
entries-300.csv  300 data rows: UTF-8 with a BOM, semicolons, names that Windows-1252 can
                 hold (Émilie, Søren, Šárka, O’Brien, Œlschläger ...), quoted fields with
                 semicolons, doubled quotes and line breaks, an athlete on two rows, a few
                 broken rows (see BROKEN below)
entries-300-1252.csv, -utf16.txt (UTF-16LE with BOM, tabs), -utf8.csv (no BOM, commas):
                 the same table in the other encodings and delimiters
entries-300.xlsx the same as a workbook: shared and inline strings, numbers, dates as serial
                 numbers under a built-in and a custom date style, a second sheet
cells.xlsx       one of every cell kind for the reader's own tests, in the 1904 date system
"""
import json
import os
import random
import zipfile
from datetime import date
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2026)

FIRST_F = ["Émilie", "Šárka", "Žaneta", "Chloë", "Zoë", "Siân", "Ÿvette", "Amelia", "Grace",
           "Maya", "Ruby", "Isla", "Freya", "Léa", "Inés", "Ana"]
FIRST_M = ["Søren", "François", "Jürgen", "Björn", "Ólafur", "Seán", "Tom", "Jack", "Noah",
           "Leo", "Oscar", "Ethan", "Max", "Luís", "Kai", "Raúl"]
LAST = ["Müller", "O’Brien", "Œlschläger", "Ångström", "Núñez", "Piñeiro", "Dubois", "Smith",
        "Jones", "Brown", "Taylor", "Wilson", "Evans", "Moreau", "Lindqvist", "Kovač".replace("č", "c"),
        "Nørgaard", "Hughes", "Patel", "Okafor"]
CLUBS = [("RSH", "Riverside Harriers"), ("BEL", "Belgrave Harriers"), ("HHH", "Herne Hill Harriers"),
         ("TVH", "Thames Valley Harriers"), ("NEW", "Newham & Essex Beagles"),
         ("CAB", "Club d'Athlétisme \"Élan\"; Paris"), ("SOL", "Solihull & Small Heath")]
KNOWN_CLUBS = CLUBS[:4]
NATIONS = ["GBR", "GBR", "GBR", "IRL", "FRA", "DEN", "NOR", "GER", "ESP"]
EVENTS_M = [("100", "11.{:02d}"), ("LJ", "6.{:02d}"), ("800", "2:0{}.{:02d}")]
EVENTS_F = [("100", "12.{:02d}"), ("LJ", "5.{:02d}"), ("SP", "1{}.{:02d}")]

HEADER = ["Bib", "First name", "Last name", "Gender", "Date of birth", "Club code", "Club",
          "Events", "Seed mark", "Nationality", "Notes"]

def mark(pattern):
    if pattern.count("{") == 2:
        return pattern.format(rng.randint(0, 9), rng.randint(0, 99))
    return pattern.format(rng.randint(0, 99))

def gender_word(g):
    return rng.choice({"M": ["M", "M", "Male", "m"], "F": ["F", "F", "female", "W"]}[g])

# The rows, as (cells, dob as a date or text) so the workbook can store real dates.
rows = []
bib = 300
for i in range(292):
    g = "F" if i % 2 else "M"
    first = rng.choice(FIRST_F if g == "F" else FIRST_M)
    last = rng.choice(LAST)
    dob = date(1985 + rng.randint(0, 25), rng.randint(1, 12), rng.randint(1, 28))
    code, club = rng.choice(CLUBS)
    events = EVENTS_F if g == "F" else EVENTS_M
    if i % 7 == 3:  # two events in one cell, no seed mark
        picked = rng.sample(events, 2)
        ev, seed = ";".join(e for e, _ in picked), ""
    else:
        e, pattern = rng.choice(events)
        ev, seed = e, mark(pattern)
    notes = ""
    if i % 37 == 5:
        notes = "Needs \"late\" entry;\nconfirmed by phone"
    bib += 1
    rows.append({"bib": str(bib), "first": first, "last": last, "gender": gender_word(g),
                 "dob": dob, "code": code, "club": club, "events": ev, "seed": seed,
                 "nat": rng.choice(NATIONS), "notes": notes})

# Merges: the meet's competitors 201-204 by bib (one with a new club), one by name and birth date.
rows[10].update(bib="201", first="Émilie", last="Müller", gender="F", dob=date(2001, 4, 3),
                code="RSH", club="Riverside Harriers", events="100", seed="12.31")
rows[11].update(bib="202", first="Søren", last="Nørgaard", gender="M", dob=date(1999, 11, 23),
                code="HHH", club="Herne Hill Harriers", events="LJ", seed="6.85")
rows[12].update(bib="203", first="Šárka", last="Ångström", gender="F", dob=date(2003, 2, 14),
                code="TVH", club="Thames Valley Harriers", events="SP", seed="13.02")
rows[13].update(bib="204", first="Seán", last="O’Brien", gender="M", dob=date(1997, 7, 9),
                code="BEL", club="Belgrave Harriers", events="800", seed="2:01.55")
rows[14].update(bib="250", first="Zoë", last="Œlschläger", gender="F", dob=date(2005, 12, 30),
                code="RSH", club="Riverside Harriers", events="LJ", seed="5.77")

# An athlete on a second row for another event, as OpenTrack's bulk sheets repeat them.
again = dict(rows[20])
again.update(events="LJ" if rows[20]["events"] != "LJ" else "100", seed="")
rows.append(again)

# BROKEN: one problem each.
broken = [
    dict(rows[30], bib="601", dob="31/02/2001"),            # no such date
    dict(rows[31], bib="602", gender="Q"),                  # not a gender
    dict(rows[32], bib="603", events="ZZ"),                 # no such event
    dict(rows[33], bib="305", first="Ólafur", last="Dubois"),  # bib of row 6 for another athlete
    dict(rows[34], bib="", first="Nobody", last="Known"),   # no bib, not in the meet
    dict(rows[35], bib="606", nat="XYZ"),                   # not a country
    dict(rows[36], bib="607", events="100;LJ", seed="12.00"),  # a mark for two events
]
rows += broken
assert len(rows) == 300, len(rows)

def dob_text(d):
    return d if isinstance(d, str) else d.strftime("%d/%m/%Y")

def cells(r):
    return [r["bib"], r["first"], r["last"], r["gender"], dob_text(r["dob"]), r["code"],
            r["club"], r["events"], r["seed"], r["nat"], r["notes"]]

def csv_field(v, delim):
    if any(c in v for c in (delim, '"', "\n", "\r")) or v != v.strip():
        return '"' + v.replace('"', '""') + '"'
    return v

def csv_text(delim):
    lines = [delim.join(csv_field(c, delim) for c in HEADER)]
    for r in rows:
        lines.append(delim.join(csv_field(c, delim) for c in cells(r)))
    return "\r\n".join(lines) + "\r\n"

def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)

write("entries-300.csv", b"\xef\xbb\xbf" + csv_text(";").encode("utf-8"))
write("entries-300-1252.csv", csv_text(";").encode("cp1252"))
write("entries-300-utf16.txt", b"\xff\xfe" + csv_text("\t").encode("utf-16-le"))
write("entries-300-utf8.csv", csv_text(",").encode("utf-8"))

# The meet.
meet = {
    "full_name": "Import Test Open 2026", "slug": "import-test-open-2026", "country": "GBR",
    "date": "2026-06-13", "finish_date": "2026-06-13",
    "teams": [{"team_id": c, "team_name": n} for c, n in KNOWN_CLUBS],
    "competitors": [
        {"competitor_id": "201", "first_name": "Émilie", "last_name": "Müller", "gender": "F",
         "date_of_birth": "2001-04-03", "team_id": "BEL",
         "events_entered": [{"event_id": "002", "event_code": "100", "sb": "12.31"}]},
        {"competitor_id": "202", "first_name": "Soren", "last_name": "Nørgaard", "gender": "M",
         "date_of_birth": "1999-11-23", "team_id": "HHH"},
        {"competitor_id": "203", "first_name": "Šárka", "last_name": "Ångström", "gender": "F",
         "date_of_birth": "2003-02-14", "team_id": "TVH",
         "events_entered": [{"event_id": "006", "event_code": "SP", "sb": "12.80"}]},
        {"competitor_id": "204", "first_name": "Seán", "last_name": "O’Brien", "gender": "M",
         "date_of_birth": "1997-07-09", "team_id": "BEL"},
        {"competitor_id": "900", "first_name": "Zoë", "last_name": "Œlschläger", "gender": "F",
         "date_of_birth": "2005-12-30", "team_id": "RSH"},
    ],
    "events": [
        {"event_id": "001", "event_code": "100", "name": "100m Men", "genders": "M", "rounds": "1"},
        {"event_id": "002", "event_code": "100", "name": "100m Women", "genders": "F", "rounds": "1"},
        {"event_id": "003", "event_code": "LJ", "name": "Long Jump Men", "genders": "M", "rounds": "1"},
        {"event_id": "004", "event_code": "LJ", "name": "Long Jump Women", "genders": "F", "rounds": "1"},
        {"event_id": "005", "event_code": "800", "name": "800m Men", "genders": "M", "rounds": "1"},
        {"event_id": "006", "event_code": "SP", "name": "Shot Put Women", "genders": "F", "rounds": "1"},
    ],
}
write("meet.json", (json.dumps(meet, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))

# Workbooks.
def zip_write(name, parts):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def package(sheets, strings, styles, date1904=False):
    content = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                         for i in range(len(sheets)))
               + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
               '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
               '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    # Sheets are listed in the order given, their parts numbered backwards, so the reader
    # must follow the relationships rather than guess sheet1.xml.
    n = len(sheets)
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<workbook {NS} {RNS}>'
                + (f'<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>')
                + "<sheets>"
                + "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                          for i, (name, _) in enumerate(sheets))
                + "</sheets></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n - i}.xml"/>'
                        for i in range(n))
              + '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              '</Relationships>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(strings) + "</sst>")
    parts = [("[Content_Types].xml", content), ("_rels/.rels", rels),
             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", wbrels),
             ("xl/sharedStrings.xml", sst), ("xl/styles.xml", styles)]
    for i, (_, xml) in enumerate(sheets):
        parts.append((f"xl/worksheets/sheet{n - i}.xml", xml))
    return parts

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<styleSheet {NS}>'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>'
          '<numFmt numFmtId="165" formatCode="0.00&quot; m&quot;"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
          '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/><xf numFmtId="21"/></cellXfs>'
          '</styleSheet>')

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def serial(d, base1904=False):
    return (d - (date(1904, 1, 1) if base1904 else date(1899, 12, 30))).days

class Strings:
    def __init__(self):
        self.items, self.index = [], {}
    def ref(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(f"<si><t xml:space=\"preserve\">{escape(text)}</t></si>")
        return self.index[text]

def sheet_xml(rows_xml):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet {NS}><sheetData>' + "".join(rows_xml) + "</sheetData></worksheet>")

strings = Strings()
xml_rows = []
table = [HEADER] + [r for r in rows]
for ri, r in enumerate(table):
    n = ri + 1
    cs = []
    values = HEADER if ri == 0 else cells(r)
    for ci, v in enumerate(values):
        ref = f"{col(ci)}{n}"
        if v == "":
            continue
        if ri > 0 and ci == 0 and v.isdigit():
            cs.append(f'<c r="{ref}"><v>{v}</v></c>')
        elif ri > 0 and ci == 4 and isinstance(r["dob"], date):
            style = 1 if n % 2 else 2
            cs.append(f'<c r="{ref}" s="{style}"><v>{serial(r["dob"])}</v></c>')
        elif ri > 0 and ci == 8 and ":" not in v:
            cs.append(f'<c r="{ref}" s="3"><v>{v}</v></c>')
        elif ri > 0 and ci == 2 and n % 5 == 0:
            cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        else:
            cs.append(f'<c r="{ref}" t="s"><v>{strings.ref(v)}</v></c>')
    xml_rows.append(f'<row r="{n}">' + "".join(cs) + "</row>")
info_sheet = sheet_xml([f'<row r="1"><c r="A1" t="s"><v>{strings.ref("Sent by")}</v></c>'
                        f'<c r="AC1" t="s"><v>{strings.ref("Riverside Harriers")}</v></c></row>'])
zip_write("entries-300.xlsx", package([("Entries", sheet_xml(xml_rows)), ("Info", info_sheet)],
                                      strings.items, STYLES))

# cells.xlsx: the 1904 system; rows as the reader's test expects them.
s = Strings()
rich = len(s.items)
s.items.append('<si><r><t>Ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ver side</t></r>'
               '<rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>')
plain = s.ref("plain")
cells_rows = [
    '<row r="1">'
    f'<c r="A1" t="s"><v>{rich}</v></c>'
    f'<c r="B1" t="s"><v>{plain}</v></c>'
    '<c r="C1" t="inlineStr"><is><t>inline</t></is></c>'
    '<c r="D1" t="b"><v>1</v></c>'
    '<c r="E1" t="b"><v>0</v></c>'
    '<c r="F1" t="e"><v>#N/A</v></c>'
    '<c r="G1" t="str"><f>A1&amp;B1</f><v>Riverside plain</v></c>'
    '</row>',
    '<row r="3">'
    '<c r="A3"><v>101</v></c>'
    '<c r="B3"><v>10.85</v></c>'
    '<c r="C3"><v>0.30000000000000004</v></c>'
    f'<c r="D3" s="1"><v>{serial(date(2009, 4, 17), True)}</v></c>'
    f'<c r="E3" s="2"><v>{serial(date(1990, 1, 31), True)}.75</v></c>'
    '<c r="F3" s="4"><v>0.5</v></c>'
    '<c r="G3" s="3"><v>7.5</v></c>'
    '</row>',
    '<row r="4">'
    '<c r="Z4" t="inlineStr"><is><t>Z</t></is></c>'
    '<c r="AA4" t="inlineStr"><is><t>AA</t></is></c>'
    '<c r="AB4" t="inlineStr"><is><t>AB</t></is></c>'
    '</row>',
    '<row>'
    '<c t="inlineStr"><is><t>no reference</t></is></c>'
    '<c t="inlineStr"><is><t>next</t></is></c>'
    '</row>',
]
zip_write("cells.xlsx", package([("Cells", sheet_xml(cells_rows))], s.items, STYLES,
                                date1904=True))
