// Parity of the two renderers: the same layout drawn by the file adapter (ExcelJS → .xlsx bytes → read back
// with ExcelJS) and by the Office.js adapter on the Office double, compared cell by cell. The double is the only
// Excel we have, so this is the one independent check that both adapters make the same workbook.
//
// Compared: values, number formats, font (name, size, bold, colour), fill, horizontal/vertical alignment,
// wrap, locked, which border edges are drawn, merges, column widths (in pixels), row heights, freeze panes,
// auto filter, sheet visibility, data validations (rule, operator, bounds, blanks allowed), page setup
// (orientation, paper, fit to width, margins, title rows, centring, header/footer codes, a literal '&' doubled
// on both sides) and manual row breaks.
// Not compared, and why:
// - border weight and colour, indent level: the double doesn't record them (it accepts and drops the writes);
// - the protection options: the file adapter's <sheetProtection> flags and Office.js's protect() options are
//   different vocabularies, covered by each adapter's own tests (only "protected or not" is compared here);
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { harness } from './harness';
import { seedPlan, syntheticPlan } from './fixtures';
import type { StoredCell, StoredSheet } from './mockExcel';
import { Batch, queueLayout } from '../../src/adapters/office/render';
import { writeWorkbook } from '../../src/adapters/exceljs';
import { colLetters } from '../../src/core/layout/address';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import type { CellValue, SheetLayout, WorkbookLayout, WorkbookPatch } from '../../src/core/layout/types';
import { layoutGrid } from '../../src/core/layout/grid';
import { readTracking } from '../../src/core/tracking/read';
import { buildCheckPatch } from '../../src/core/tracking/patch';
import { buildReturnLayout } from '../../src/core/returns/layout';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import { judgeAll } from '../../src/core/judge';
import type { Entry, Plan } from '../../src/core/model';

/** Both renders of one layout. */
async function renderBoth(layout: WorkbookLayout) {
  const bytes = await writeWorkbook(layout);
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  // ExcelJS doesn't read manual row breaks back, so they come from the sheet XML (ExcelJS names sheets in order).
  const zip = await JSZip.loadAsync(bytes);
  const breaks: number[][] = [];
  for (let i = 1; i <= layout.sheets.length; i++) {
    const xml = await zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string');
    const block = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/s.exec(xml)?.[1] ?? '';
    breaks.push([...block.matchAll(/<brk [^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])));
  }
  const h = harness();
  const b = new Batch(h.ctx, h.caps);
  await queueLayout(b, layout, []);
  await b.finish();
  return { file, mock: h.mock, breaks };
}

/** A value as both sides should hold it: Excel keeps numbers, booleans and text; blanks are null. */
function fileValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return v as CellValue;
}
const mockValue = (c: StoredCell | undefined): CellValue => (c === undefined || c.value === '' ? null : c.value);

const argbToHex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const H = { left: 'Left', center: 'Center', right: 'Right' } as Record<string, string>;
const V = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as Record<string, string>;

/** Excel's pixel width of a column stored as `w` in the file (ECMA-376 §18.3.1.13, 7 px digit, 5 px padding
 *  already inside the stored width), and of a column set through Office.js in points (96 px = 72 pt). */
const filePixels = (w: number) => Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
const officePixels = (pt: number) => Math.round(pt / 0.75);

function compareCells(sheet: SheetLayout, ws: ExcelJS.Worksheet, s: StoredSheet, problems: string[]) {
  const at = (r: number, c: number) => `${sheet.name}!${colLetters(c)}${r}`;
  for (const cell of sheet.cells) {
    const fc = ws.getRow(cell.r).getCell(cell.c);
    const mc = s.cells.get(`${cell.r},${cell.c}`) ?? s.owner.cell(s, cell.r, cell.c);
    const f = mc?.format ?? {};
    const pairs: Array<[string, unknown, unknown]> = [
      // A cell covered by a merge (not its top-left) holds nothing in either: ExcelJS only reports the anchor's value.
      ['value', fc.type === ExcelJS.ValueType.Merge ? null : fileValue(fc.value), mockValue(mc)],
      ['numFmt', fc.numFmt || 'General', mc?.numberFormat ?? 'General'],
    ];
    if (cell.style) {
      pairs.push(
        ['font.name', fc.font?.name, f.fontName],
        ['font.size', fc.font?.size, f.fontSize],
        ['font.bold', fc.font?.bold ?? false, f.bold ?? false],
        ['font.color', argbToHex(fc.font?.color?.argb) ?? '#000000', (f.fontColor ?? '#000000').toUpperCase()],
        [
          'fill',
          fc.fill?.type === 'pattern' && fc.fill.pattern === 'solid' ? argbToHex(fc.fill.fgColor?.argb) : null,
          f.fill ? f.fill.toUpperCase() : null,
        ],
        ['horizontal', fc.alignment?.horizontal ? H[fc.alignment.horizontal] : undefined, f.horizontal],
        ['vertical', fc.alignment?.vertical ? V[fc.alignment.vertical] : undefined, f.vertical],
        ['wrap', fc.alignment?.wrapText ?? false, f.wrap ?? false],
        ['locked', fc.protection?.locked ?? true, f.locked ?? true],
        ['border.top', Boolean(fc.border?.top?.style), f.borders?.EdgeTop === 'Continuous'],
        ['border.left', Boolean(fc.border?.left?.style), f.borders?.EdgeLeft === 'Continuous'],
      );
    }
    for (const [what, a, b] of pairs)
      if (a !== b)
        problems.push(`${at(cell.r, cell.c)} ${what}: file ${JSON.stringify(a)} ≠ office ${JSON.stringify(b)}`);
  }
}

async function parity(layout: WorkbookLayout) {
  const { file, mock, breaks } = await renderBoth(layout);
  const problems: string[] = [];
  for (const [index, sheet] of layout.sheets.entries()) {
    const ws = file.getWorksheet(sheet.name)!;
    const s = mock.sheet(sheet.name);
    compareCells(sheet, ws, s, problems);

    const fileMerges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
    expect(s.merges.map((m) => m.replace(/\$/g, '')).sort()).toEqual(fileMerges);

    sheet.columnWidths.forEach((_w, i) => {
      const fw = ws.getColumn(i + 1).width!;
      const pt = s.colWidths.get(i + 1)!;
      // A layout width is what the file stores (padding inside, core/layout/excelUnits.ts); Office.js gets the
      // same column in points, so both hosts show the same pixels. (Until issue 11 the Office side added
      // Excel's 5 px padding a second time.)
      if (officePixels(pt) !== filePixels(fw))
        problems.push(
          `${sheet.name} column ${colLetters(i + 1)}: file ${filePixels(fw)} px, office ${officePixels(pt)} px`,
        );
    });
    for (const r of Object.keys(sheet.rowHeights).map(Number)) {
      if (ws.getRow(r).height !== s.rowHeights.get(r))
        problems.push(`${sheet.name} row ${r} height: file ${ws.getRow(r).height} ≠ office ${s.rowHeights.get(r)}`);
    }

    expect(s.visibility).toBe(ws.state === 'visible' ? 'Visible' : ws.state === 'hidden' ? 'Hidden' : 'VeryHidden');
    expect(s.protected).toBe(
      Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    );
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    expect(s.freeze ?? { rows: 0, cols: 0 }).toEqual(
      view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : { rows: 0, cols: 0 },
    );
    const af = ws.autoFilter as unknown as string | { from: string; to: string } | undefined;
    const fileFilter = !af ? null : typeof af === 'string' ? af : `${af.from}:${af.to}`;
    expect(s.autoFilter?.replace(/\$/g, '') ?? null).toBe(fileFilter);

    // Validations: one per layout rule on the Office side; the file's rule read at the rule's top-left cell.
    expect(s.validations.length).toBe(sheet.validations.length);
    for (const [i, rule] of sheet.validations.entries()) {
      const stored = s.validations[i];
      const dv = ws.getCell(rule.range.r1, rule.range.c1).dataValidation as ExcelJS.DataValidation;
      const mr = stored.rule as {
        decimal?: { formula1: number; formula2?: number; operator: string };
        list?: { source: string };
      };
      expect(stored.ignoreBlanks).toBe(dv.allowBlank ?? false);
      if (dv.type === 'list') {
        expect(mr.list?.source).toBe(String(dv.formulae[0]).replace(/^"|"$/g, ''));
      } else {
        expect(dv.type).toBe('decimal');
        const op = { between: 'Between', greaterThanOrEqual: 'GreaterThanOrEqualTo' }[dv.operator as string];
        expect(mr.decimal?.operator).toBe(op);
        expect(mr.decimal?.formula1).toBe(Number(dv.formulae[0]));
        if (op === 'Between') expect(mr.decimal?.formula2).toBe(Number(dv.formulae[1]));
      }
    }

    if (sheet.print) {
      const ps = ws.pageSetup;
      const page = s.page;
      expect(page.orientation).toBe(ps.orientation === 'landscape' ? 'Landscape' : 'Portrait');
      expect(page.paperSize).toBe(Number(ps.paperSize) === 8 ? 'A3' : 'A4');
      expect(page.zoom).toEqual({ horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight });
      const m = ps.margins!;
      for (const [k, inches] of Object.entries({
        left: m.left,
        right: m.right,
        top: m.top,
        bottom: m.bottom,
        header: m.header,
        footer: m.footer,
      })) {
        // Office.js margins are in points, the file's in inches: 72 pt to the inch.
        expect([k, page[`${k}Margin`]]).toEqual([k, Math.round(inches * 72 * 100) / 100]);
      }
      expect(page.centerHorizontally ?? false).toBe(ps.horizontalCentered ?? false);
      expect(String(page.printTitleRows ?? '').replace(/\$/g, '')).toBe(ps.printTitlesRow ?? '');
      // Both sides hold Excel's codes: the file its centre section (&C…), Office.js the section itself.
      const section = (code: string | undefined) => (code ?? '').replace(/^&C/, '');
      expect(page.centerHeader ?? '').toBe(section(ws.headerFooter.oddHeader));
      expect(page.centerFooter ?? '').toBe(section(ws.headerFooter.oddFooter));
    }
    expect([...s.rowBreaks].sort((a, b) => a - b)).toEqual(breaks[index].sort((a, b) => a - b));
  }
  expect(problems.slice(0, 20)).toEqual([]);
  return { cells: layout.sheets.reduce((n, s) => n + s.cells.length, 0) };
}

/** The tracking layout as a check leaves it: the check patch's cells laid over the main sheet, its sheets
 *  (汇总) added, so the status styles (fills, bold 未达标) are drawn by both adapters too. */
function checkedLayout(plan: Plan, asOf: string): WorkbookLayout {
  const layout = buildTrackingLayout(plan, { asOf });
  const read = readTracking(layoutGrid(layout));
  // Figures that give every kind of status: met, short, blank, unreadable.
  const entries: Entry[] = read.indicators.map((ind, i) => {
    const pick = [ind.annual, ind.annual === null ? null : ind.annual / 2, null, '很多'][i % 4];
    return { id: ind.id, h1: null, annual: pick };
  });
  const patch: WorkbookPatch = buildCheckPatch(read, judgeAll(read.indicators, entries, asOf, plan.year), asOf);
  const sheets = layout.sheets.map((sheet) => {
    const cells = new Map(sheet.cells.map((c) => [`${c.r},${c.c}`, { ...c }]));
    for (const p of patch.cells.filter((x) => x.sheet === sheet.name)) {
      const old = cells.get(`${p.r},${p.c}`);
      cells.set(`${p.r},${p.c}`, {
        r: p.r,
        c: p.c,
        value: p.value !== undefined ? p.value : (old?.value ?? null),
        style: p.style,
      });
    }
    return { ...sheet, cells: [...cells.values()].sort((a, b) => a.r - b.r || a.c - b.c) };
  });
  const replaced = new Set(patch.sheets.map((x) => x.name));
  return {
    sheets: [...sheets.filter((x) => !replaced.has(x.name)), ...patch.sheets],
    styles: { ...layout.styles, ...patch.styles },
  };
}

describe('the file and Office.js adapters draw the same workbook', () => {
  test('the seed tracking workbook, every sheet, cell by cell', async () => {
    const { cells } = await parity(buildTrackingLayout(seedPlan(), { asOf: '2023-06-30' }));
    expect(cells).toBeGreaterThan(500);
  });

  test('a synthetic plan (other sizes, merges and page breaks)', async () => {
    await parity(buildTrackingLayout(syntheticPlan(45), { asOf: '2023-12-31' }));
  });

  test('the seed after a check: statuses, fills, bold 未达标, 说明 and the 汇总 sheet', async () => {
    const layout = checkedLayout(seedPlan(), '2023-12-31');
    expect(Object.values(layout.styles).some((st) => st.font?.bold)).toBe(true);
    await parity(layout);
  });

  test("a return form for a unit whose name has '&': the header prints the same through both", async () => {
    const plan = seedPlan();
    const unit = plan.items[0].leadUnits[0];
    // A unit named with an ampersand, as some joint offices are: Excel would read '&交' as a code.
    const renamed: Plan = {
      ...plan,
      items: plan.items.map((it) => ({ ...it, leadUnits: it.leadUnits.map((u) => (u === unit ? `${u}&交通` : u)) })),
    };
    const source = returnSourceFromPlan(renamed);
    const layout = buildReturnLayout(source.plan, `${unit}&交通`, {
      planId: source.planId,
      planHash: source.planHash,
      round: '2023年上半年',
      createdAt: '2023-07-01 09:00:00',
    });
    expect(layout.sheets[0].print?.header).toContain('&交通');
    // The form sheet only: its hidden meta sheet has unstyled-font cells the two sides default differently.
    const form: WorkbookLayout = { sheets: [layout.sheets[0]], styles: layout.styles };
    const { file, mock } = await renderBoth(form);
    const code = file.getWorksheet(layout.sheets[0].name)!.headerFooter.oddHeader;
    expect(code).toBe(`&C${unit}&&交通　2023年上半年`);
    expect(mock.sheet(layout.sheets[0].name).page.centerHeader).toBe(`${unit}&&交通　2023年上半年`);
    await parity(form);
  });
});
