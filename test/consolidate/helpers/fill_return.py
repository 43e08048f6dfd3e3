# Fills a Tuijin return form the way another program would (openpyxl), for the consolidation tests.
# Reads a JSON job on stdin:
#   {"src": path, "dst": path,
#    "values": {"<id>": {"h1": v, "annual": v, "progress": "text"}},
#    "reporter": "name", "phone": "123",
#    "renameId": ["from", "to"],          # tamper with an id on the entry sheet
#    "meta": {"unit": "..."},             # overwrite fields of the hidden sheet
#    "reverseRows": true}                 # move the data rows around (ids move with them)
import json
import sys

import openpyxl

job = json.load(sys.stdin)
wb = openpyxl.load_workbook(job["src"])
ws = wb["进展填报"]

header_row, cols = None, {}
for row in ws.iter_rows():
    texts = [c.value for c in row]
    if "指标编号" in texts:
        header_row = row[0].row
        cols = {t: i + 1 for i, t in enumerate(texts) if t}
        break
assert header_row, "no header"

data_rows = []
r = header_row + 1
while ws.cell(r, cols["指标编号"]).value:
    data_rows.append(r)
    r += 1


def put(cell, value):
    cell.value = value
    # openpyxl would store '=…' as a formula; a person typing into a text cell gets text.
    if isinstance(value, str):
        cell.data_type = "s"


if job.get("reverseRows"):
    keys = ["指标编号", "上半年完成", "全年完成", "进展情况"]
    snapshot = [[ws.cell(rr, cols[k]).value for k in keys] for rr in data_rows]
    for rr, vals in zip(data_rows, reversed(snapshot)):
        for k, v in zip(keys, vals):
            put(ws.cell(rr, cols[k]), v)

for rr in data_rows:
    ident = str(ws.cell(rr, cols["指标编号"]).value)
    spec = job.get("values", {}).get(ident)
    if not spec:
        continue
    for key, header in (("h1", "上半年完成"), ("annual", "全年完成"), ("progress", "进展情况")):
        if key in spec:
            put(ws.cell(rr, cols[header]), spec[key])

if job.get("renameId"):
    old, new = job["renameId"]
    for rr in data_rows:
        if str(ws.cell(rr, cols["指标编号"]).value) == old:
            put(ws.cell(rr, cols["指标编号"]), new)

for row in ws.iter_rows():
    for i, c in enumerate(row):
        label = str(c.value or "")
        if label.startswith("填报人") and "reporter" in job:
            put(ws.cell(c.row, 3), job["reporter"])
        if label.startswith("联系电话") and "phone" in job:
            put(ws.cell(c.row, 6), job["phone"])

if job.get("meta"):
    meta = wb["tuijin_return"]
    for row in meta.iter_rows():
        if row[0].value in job["meta"]:
            put(row[1], job["meta"][row[0].value])

wb.save(job["dst"])
