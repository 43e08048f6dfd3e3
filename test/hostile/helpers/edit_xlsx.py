# Edits an .xlsx the way a person in another program would (openpyxl), for the hostile-file tests.
# Reads a JSON job on stdin: {"src": path, "dst": path, "ops": [...]}, each op one of
#   {"op": "set", "sheet": s, "cell": "D4", "value": v}          value kept as typed (text stays text)
#   {"op": "swap", "sheet": s, "a": "D4", "b": "D5"}             exchange two cells' values
#   {"op": "swap_rows", "sheet": s, "a": 4, "b": 5, "from": 4, "to": 11}   exchange two rows' values in columns from..to
#   {"op": "unprotect", "sheet": s}                              what a unit does without a password
#   {"op": "delete_rows" | "insert_rows", "sheet": s, "row": r, "count": n}
#   {"op": "clear", "sheet": s, "cells": ["E1", ...]}
#   {"op": "add_sheet", "sheet": s, "cell": "A1", "value": v}    a sheet of the user's own
import json
import sys

import openpyxl

job = json.load(sys.stdin)
wb = openpyxl.load_workbook(job["src"])


def put(cell, value):
    cell.value = value
    # openpyxl would store '=…' as a formula; a person typing into a text cell gets text.
    if isinstance(value, str):
        cell.data_type = "s"


for op in job["ops"]:
    kind = op["op"]
    if kind == "add_sheet":
        put(wb.create_sheet(op["sheet"])[op["cell"]], op["value"])
        continue
    ws = wb[op["sheet"]]
    if kind == "set":
        put(ws[op["cell"]], op["value"])
    elif kind == "swap":
        a, b = ws[op["a"]], ws[op["b"]]
        va, vb = a.value, b.value
        put(a, vb)
        put(b, va)
    elif kind == "swap_rows":
        for c in range(op["from"], op["to"] + 1):
            a, b = ws.cell(op["a"], c), ws.cell(op["b"], c)
            va, vb = a.value, b.value
            put(a, vb)
            put(b, va)
    elif kind == "unprotect":
        ws.protection.sheet = False
    elif kind == "delete_rows":
        ws.delete_rows(op["row"], op.get("count", 1))
    elif kind == "insert_rows":
        ws.insert_rows(op["row"], op.get("count", 1))
    elif kind == "clear":
        for ref in op["cells"]:
            ws[ref].value = None
    else:
        raise SystemExit(f"unknown op {kind}")

wb.save(job["dst"])
