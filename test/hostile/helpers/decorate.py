# Opens a tracking workbook with openpyxl and adds what other programs' users add: a comment, a chart,
# an image, an extra sheet, a defined name and a conditional format. Optionally puts a formula without
# a stored result into an entry cell (openpyxl never calculates).
#   decorate.py IN OUT [--formula CELL]
import struct
import sys
import zlib

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName


def png(w, h):
    """A small solid PNG made by hand (Pillow isn't installed)."""
    def chunk(kind, data):
        c = kind + data
        return struct.pack('>I', len(data)) + c + struct.pack('>I', zlib.crc32(c) & 0xffffffff)
    raw = b''.join(b'\x00' + b'\xcc\x33\x33' * w for _ in range(h))
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


class RawImage(Image):
    def __init__(self, data, w, h):
        self.ref = data
        self.width, self.height = w, h
        self.format = 'png'

    def _data(self):
        return self.ref


src, dst = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
wb = load_workbook(src)
main = wb['推进计划表']
main['B1'].comment = Comment('请各单位于7月5日前报送', '市妇儿工委办')
img = RawImage(png(40, 20), 40, 20)
img.anchor = 'R2'
main.add_image(img)
main.conditional_formatting.add('K5:K200', CellIsRule(operator='greaterThan', formula=['100000'], fill=PatternFill('solid', fgColor='FFFF00')))
extra = wb.create_sheet('备注')
extra['A1'] = '项目'
extra['B1'] = '数量'
for i in range(2, 6):
    extra.cell(i, 1, f'项{i}')
    extra.cell(i, 2, i * 10)
chart = BarChart()
chart.title = '数量'
chart.add_data(Reference(extra, min_col=2, min_row=1, max_row=5), titles_from_data=True)
chart.set_categories(Reference(extra, min_col=1, min_row=2, max_row=5))
extra.add_chart(chart, 'D2')
wb.defined_names.append(DefinedName('备注数量', attr_text="'备注'!$B$2:$B$5"))
if '--formula' in args:
    cell = args[args.index('--formula') + 1]
    main[cell] = '=1000*3'
wb.save(dst)
