#!/usr/bin/env python3
"""Writes the seed plan as the files a plan office receives, the way other programs write them:
a Word attachment (python-docx) with the merges a real one has, and a workbook (openpyxl) with merged cells.

usage: make_plan_files.py SEED.txt OUT_DIR
Writes OUT_DIR/plan-python-docx.docx, OUT_DIR/plan-python-docx-numbered.docx (the 序号 column numbered by
Word's automatic list numbering, no number in the text) and OUT_DIR/plan-openpyxl.xlsx.
"""
import re
import sys

CJK = re.compile(r'[\u4e00-\u9fff]')


def read_seed(path):
    """Title, 附件 line and item rows (7 cells each) of the seed text."""
    title, items = None, []
    for line in open(path, encoding='utf-8').read().split('\n'):
        cells = line.split('\t')
        if re.fullmatch(r'\d+', cells[0].strip()):
            items.append((cells + [''] * 7)[:7])
        elif title is None and '计划表' in line:
            title = line.strip()
    return title, items


def split_point(text):
    """An index near the middle of `text` between two Chinese characters: a cell continued on the next row
    splits there, as a page end does."""
    mid = len(text) // 2
    for d in range(len(text)):
        for i in (mid + d, mid - d):
            if 0 < i < len(text) and CJK.match(text[i - 1]) and CJK.match(text[i]):
                return i
    return None


def make_docx(title, items, out, numbered=False):
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    doc = Document()
    doc.add_paragraph('附件')
    doc.add_paragraph('')
    p = doc.add_paragraph()
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(16)

    def new_table():
        t = doc.add_table(rows=2, cols=7)
        t.style = 'Table Grid'
        h1, h2 = t.rows[0].cells, t.rows[1].cells
        for c, text in enumerate(['序号', '事项名称', '事项简介', '年度任务目标', '年度工作计划', None, '牵头单位']):
            if text is None:
                continue
            if c == 4:
                h1[4].merge(h1[5])  # 年度工作计划 over 上半年 and 下半年
            else:
                h1[c].merge(h2[c])  # the other header cells merged down over both header rows
            h1[c].paragraphs[0].text = text
        h2[4].paragraphs[0].text = '上半年'
        h2[5].paragraphs[0].text = '下半年'
        for row in t.rows:  # repeated at the top of every page
            row._tr.get_or_add_trPr().append(OxmlElement('w:tblHeader'))
        return t

    def set_text(cell, text, lines=False):
        # Narrow columns: the writer broke names and units over lines, one paragraph each.
        parts = text.split(' ') if lines else [text]
        cell.paragraphs[0].text = parts[0]
        for part in parts[1:]:
            cell.add_paragraph(part)

    table = new_table()
    for no, name, summary, goal, h1, h2, units in items:
        n = int(no)
        if n == 11:
            # The table ends at a page and goes on in a second table, its header rows repeated.
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            table = new_table()
        if n == 6:
            # A header pair repeated inside the table, as a document pasted from a PDF has them.
            hdr = table.add_row().cells
            for c, text in enumerate(['序号', '事项名称', '事项简介', '年度任务目标', '年度工作计划', '', '牵头单位']):
                hdr[c].paragraphs[0].text = text
            sub = table.add_row().cells
            sub[4].paragraphs[0].text = '上半年'
            sub[5].paragraphs[0].text = '下半年'
        cells = table.add_row().cells
        if n == 2:
            # An item over two rows: its half-year plans go on in the second row, the other cells merged down.
            second = table.add_row().cells
            for c in (0, 1, 2, 3, 6):
                cells[c].merge(second[c])
            a, b = split_point(h1), split_point(h2)
            set_text(cells[4], h1[:a])
            set_text(second[4], h1[a:])
            set_text(cells[5], h2[:b])
            set_text(second[5], h2[b:])
        else:
            if not h2.strip():
                cells[4].merge(cells[5])  # one plan for both halves
                h2 = None
            set_text(cells[4], h1)
            if h2 is not None:
                set_text(cells[5], h2)
        if numbered:
            cells[0].paragraphs[0].style = 'List Number'  # Word writes the number; the cell holds no text
        else:
            set_text(cells[0], no)
        set_text(cells[1], name, lines=True)
        set_text(cells[2], summary)
        set_text(cells[3], goal)
        set_text(cells[6], units, lines=True)
    doc.save(out)


def make_xlsx(title, items, out):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    notes = wb.active
    notes.title = '说明'
    notes['A1'] = '本工作簿的第二张工作表是计划表。'
    ws = wb.create_sheet('推进计划表')
    ws['A1'] = '附件'
    ws['A2'] = title
    ws.merge_cells('A2:G2')
    for c, text in enumerate(['序号', '事项名称', '事项简介', '年度任务目标', '年度工作计划', None, '牵头单位'], start=1):
        if text:
            ws.cell(row=3, column=c, value=text)
    for col in 'ABCDG':
        ws.merge_cells(f'{col}3:{col}4')
    ws.merge_cells('E3:F3')
    ws['E4'] = '上半年'
    ws['F4'] = '下半年'
    r = 5
    for no, name, summary, goal, h1, h2, units in items:
        n = int(no)
        values = [n, name, summary, goal, h1, h2 or None, units]
        if n == 2:
            a, b = split_point(h1), split_point(h2)
            values[4], values[5] = h1[:a], h2[:b]
            ws.cell(row=r + 1, column=5, value=h1[a:])
            ws.cell(row=r + 1, column=6, value=h2[b:])
            for col in 'ABCDG':
                ws.merge_cells(f'{col}{r}:{col}{r + 1}')
        for c, v in enumerate(values, start=1):
            if v is not None:
                cell = ws.cell(row=r, column=c, value=v)
                cell.alignment = Alignment(wrap_text=True, vertical='center')
        if not h2.strip():
            ws.merge_cells(f'E{r}:F{r}')
        r += 2 if n == 2 else 1
    wb.save(out)


if __name__ == '__main__':
    seed, out_dir = sys.argv[1], sys.argv[2]
    title, items = read_seed(seed)
    make_docx(title, items, f'{out_dir}/plan-python-docx.docx')
    make_docx(title, items, f'{out_dir}/plan-python-docx-numbered.docx', numbered=True)
    make_xlsx(title, items, f'{out_dir}/plan-openpyxl.xlsx')
