import JSZip from 'jszip';
import * as ExcelJS from 'exceljs';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { buildCheckPatch } from '../../src/core/tracking/patch';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { judgeAll } from '../../src/core/judge';
import { InputError } from '../../src/core/model';
import { writeWorkbook, readWorkbookGrid, applyPatch, gridOf, loadWorkbook } from '../../src/adapters/exceljs';
import { layoutGrid, seedPlan, smallPlan } from '../tracking/helpers';

async function xmlOf(bytes: Uint8Array): Promise<(path: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(bytes);
  return async (p) => {
    const f = zip.file(p);
    if (!f) throw new Error(`no ${p} in zip`);
    return f.async('string');
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function fill(bytes: Uint8Array, entries: Record<string, [unknown, unknown]>): Promise<Uint8Array> {
  const wb = await load(bytes);
  const ws = wb.getWorksheet(SHEET.main)!;
  ws.eachRow((row) => {
    const id = row.getCell(COL.id).value;
    const e = typeof id === 'string' ? entries[id] : undefined;
    if (!e) return;
    if (e[0] !== undefined) row.getCell(COL.h1).value = e[0] as ExcelJS.CellValue;
    // Excel gives a typed date a date format; copy the style so the shared entry style stays as it is.
    if (e[0] instanceof Date) row.getCell(COL.h1).style = { ...row.getCell(COL.h1).style, numFmt: 'yyyy-mm-dd' };
    // Typing 53% into a cell makes Excel format it as a percentage and store 0.53.
    if (typeof e[0] === 'number' && e[0] < 1)
      row.getCell(COL.h1).style = { ...row.getCell(COL.h1).style, numFmt: '0%' };
    if (e[1] !== undefined) row.getCell(COL.annual).value = e[1] as ExcelJS.CellValue;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The print/protection facts of a written workbook, read from its XML (ExcelJS's API isn't trusted here). */
async function printFacts(bytes: Uint8Array) {
  const xml = await xmlOf(bytes);
  const book = await xml('xl/workbook.xml');
  const sheets = [...book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*state="(\w+)"[^>]*r:id="(rId\d+)"/g)].map((m) => ({
    name: m[1],
    state: m[2],
    rid: m[3],
  }));
  const rels = await xml('xl/_rels/workbook.xml.rels');
  const out: Record<string, string> = {};
  for (const s of sheets) {
    const target =
      new RegExp(`Id="${s.rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${s.rid}"`).exec(rels)![1];
    out[s.name] = await xml(`xl/${target.replace(/^\/?xl\//, '')}`);
  }
  return { book, sheets, xml: out, types: await xml('[Content_Types].xml') };
}

describe('ExcelJS render: what lands in the file', () => {
  test('print setup, protection, filter, freeze and hidden meta are in the sheet XML', async () => {
    const bytes = await writeWorkbook(buildTrackingLayout(smallPlan(), { asOf: '2023-06-30' }));
    const f = await printFacts(bytes);
    expect(f.sheets.map((s) => [s.name, s.state])).toEqual([
      ['推进计划表', 'visible'],
      ['指标', 'visible'],
      ['汇总', 'visible'],
      ['_tuijin', 'hidden'],
    ]);
    const main = f.xml[SHEET.main];
    // fitToPage goes in sheetPr/pageSetUpPr, alone (outlinePr next to it corrupts the file for Excel)
    expect(main).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    const setup = /<pageSetup [^>]*\/>/.exec(main)![0];
    expect(setup).toMatch(/paperSize="8"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(/<pageSetup [^>]*paperSize="9"/.test(f.xml[SHEET.targets])).toBe(true);
    expect(/<pageSetup [^>]*paperSize="9"/.test(f.xml[SHEET.summary])).toBe(true);
    for (const name of [SHEET.main, SHEET.targets, SHEET.summary]) {
      const hf = /<headerFooter>(.*)<\/headerFooter>/.exec(f.xml[name])![1];
      expect(hf).toBe(
        '<oddHeader>&amp;C截至 2023年6月30日</oddHeader><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>',
      );
      expect(f.xml[name]).toMatch(
        /<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.6" header="0.3" footer="0.3"\/>/,
      );
      expect(f.xml[name]).toMatch(/<printOptions horizontalCentered="1"\/>/);
    }
    expect(f.book).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;推进计划表&apos;!$3:$4</definedName>',
    );
    expect(f.book).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;指标&apos;!$2:$2</definedName>',
    );
    expect(main).toMatch(/<sheetProtection sheet="1"[^>]*autoFilter="0"/);
    expect(main).not.toMatch(/<sheetProtection[^>]*(password|hashValue)/);
    expect(main).toContain('<autoFilter ref="H4:R8"/>');
    expect(main).toMatch(/<pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"\/>/);
    expect(f.xml[SHEET.targets]).not.toContain('<sheetProtection');
    expect(f.types).not.toMatch(/customXml/i);
  });

  test('styles, heights, widths and merges survive as the layout says', async () => {
    const layout = buildTrackingLayout(smallPlan());
    const wb = await load(await writeWorkbook(layout));
    const ws = wb.getWorksheet(SHEET.main)!;
    const main = layout.sheets[0];
    const entry = ws.getCell(5, COL.h1);
    expect(entry.protection?.locked).toBe(false);
    expect((entry.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(ws.getCell(5, COL.label).protection?.locked).not.toBe(false);
    expect(ws.getCell(5, COL.summary).font?.name).toBe('仿宋_GB2312');
    expect(ws.getCell(4, COL.status).font?.name).toBe('黑体');
    expect(ws.getCell(5, COL.summary).alignment?.wrapText).toBe(true);
    for (const [r, h] of Object.entries(main.rowHeights)) expect(ws.getRow(Number(r)).height).toBe(h);
    main.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A5:A6', 'B5:B6', 'C5:C6', 'E7:F7', 'A2:R2', 'H3:R3']));
    expect(merges.length).toBe(main.merges.length);
  });

  test('reading back gives the same grid as the layout, and readTracking agrees', async () => {
    const plan = seedPlan();
    const layout = buildTrackingLayout(plan);
    const grid = await readWorkbookGrid(await writeWorkbook(layout));
    const expected = layoutGrid(layout);
    for (const s of expected.sheets) {
      const got = grid.sheets.find((x) => x.name === s.name)!;
      expect(got.state).toBe(s.state);
      const trim = (rows: unknown[][]) =>
        rows.map((r) => {
          const a = [...r];
          while (a.length && (a[a.length - 1] === null || a[a.length - 1] === undefined)) a.pop();
          return a;
        });
      expect(trim(got.rows)).toEqual(trim(s.rows));
    }
    expect(readTracking(grid)).toEqual(readTracking(expected));
  });

  test('dates, numbers-as-text and rich text come back as the core expects', async () => {
    let bytes = await writeWorkbook(buildTrackingLayout(smallPlan()));
    bytes = await fill(bytes, {
      '1.1': ['８万', { richText: [{ text: '21' }, { text: '万' }] }],
      '3.1': [new Date(Date.UTC(2023, 5, 20)), undefined],
      '1.2': [{ formula: '40+5', result: 45 }, undefined],
    });
    const fast = await readWorkbookGrid(bytes);
    expect(fast).toEqual(gridOf(await loadWorkbook(bytes)));
    const read = readTracking(fast);
    expect(read.entries).toEqual([
      { id: '1.1', h1: '８万', annual: '21万' },
      { id: '1.2', h1: 45, annual: null },
      { id: '3.1', h1: '2023-06-20', annual: null },
    ]);
  });

  test('a percentage-formatted entry is flagged by both readers, and judged as the percentage it shows', async () => {
    const bytes = await fill(await writeWorkbook(buildTrackingLayout(smallPlan())), { '1.2': [0.53, undefined] });
    const fast = await readWorkbookGrid(bytes);
    expect(fast).toEqual(gridOf(await loadWorkbook(bytes)));
    const read = readTracking(fast);
    expect(read.entries.find((e) => e.id === '1.2')).toEqual({ id: '1.2', h1: 0.53, annual: null, h1Percent: true });
    const j = judgeAll(read.indicators, read.entries, '2023-07-15', 2023).find((x) => x.id === '1.2')!;
    expect(j).toMatchObject({ status: 'on-track', h1Actual: 53 });
  });
});

describe('ExcelJS applyPatch', () => {
  async function checked(bytes: Uint8Array, asOf = '2023-07-15') {
    const read = readTracking(await readWorkbookGrid(bytes));
    const js = judgeAll(read.indicators, read.entries, asOf, 2023);
    return { js, out: await applyPatch(bytes, buildCheckPatch(read, js, asOf)) };
  }

  test('writes statuses, keeps inputs, keeps print setup, replaces 汇总 in place; input bytes untouched', async () => {
    const bytes = await fill(await writeWorkbook(buildTrackingLayout(smallPlan())), {
      '1.1': [80000, undefined],
      '3.1': ['已完成', undefined],
    });
    const before = Buffer.from(bytes).toString('base64');
    const { out, js } = await checked(bytes);
    expect(Buffer.from(bytes).toString('base64')).toBe(before);
    const wb = await load(out);
    const ws = wb.getWorksheet(SHEET.main)!;
    expect(ws.getCell(5, COL.status).value).toBe('✖ 未达标');
    expect((ws.getCell(5, COL.status).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell(5, COL.note).value).toBe(js[0].message);
    expect(ws.getCell(5, COL.h1).value).toBe(80000);
    expect(ws.getCell(8, COL.h1).value).toBe('已完成');
    expect(ws.getCell(8, COL.status).value).toBe('● 已达标');
    expect(ws.getCell(5, COL.h1).protection?.locked).toBe(false);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta]);
    const f = await printFacts(out);
    expect(f.xml[SHEET.main]).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(f.xml[SHEET.main]).toMatch(
      /<pageSetup [^>]*paperSize="8"[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/,
    );
    expect(f.xml[SHEET.summary]).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(f.xml[SHEET.main]).toContain('截至 2023年7月15日');
    expect(f.xml[SHEET.main]).toMatch(/<sheetProtection sheet="1"/);
    expect(f.book).toContain('&apos;推进计划表&apos;!$3:$4');
    expect(f.sheets.find((s) => s.name === SHEET.meta)?.state).toBe('hidden');
    const summaryText = JSON.stringify(
      (await readWorkbookGrid(out)).sheets.find((s) => s.name === SHEET.summary)!.rows,
    );
    expect(summaryText).toContain('截至 2023年7月15日');
    expect(summaryText).toContain('未达标1项（扩大两癌检查覆盖面）');
  });

  test('checking a checked workbook again gives the same cells and styles', async () => {
    const bytes = await fill(await writeWorkbook(buildTrackingLayout(seedPlan())), {
      '1.1': [80000, undefined],
      '3.1': [30, undefined],
      '2.1': ['已完成', undefined],
    });
    const once = (await checked(bytes)).out;
    const twice = (await checked(once)).out;
    const snapshot = async (b: Uint8Array) => {
      const wb = await load(b);
      const cells: unknown[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow({ includeEmpty: true }, (row, r) => {
          row.eachCell({ includeEmpty: true }, (cell, c) =>
            cells.push([ws.name, r, c, cell.value, cell.style, row.height]),
          );
        });
      }
      return JSON.stringify(cells);
    };
    expect(await snapshot(twice)).toBe(await snapshot(once));
    // the fast values reader and ExcelJS agree on a checked workbook
    expect(await readWorkbookGrid(twice)).toEqual(gridOf(await loadWorkbook(twice)));
    expect((await load(twice)).worksheets.length).toBe(4);
    // page breaks survive the patch (ExcelJS drops them on load; the patch puts them back), with a valid last column
    const brks = [...(await printFacts(twice)).xml[SHEET.main].matchAll(/<brk ([^>]*)\/>/g)].map((m) => m[1]);
    expect(brks.length).toBeGreaterThan(1);
    for (const b of brks) expect(b).toMatch(/^id="\d+" max="16383" man="1"$/);
  });
});

describe('ExcelJS read: bad files', () => {
  test('fake, truncated and broken files are refused with InputError in plain words', async () => {
    const good = await writeWorkbook(buildTrackingLayout(smallPlan()));
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode('just text pretending to be xlsx'), /not a zip archive/],
      [good.subarray(0, good.length >> 1), /truncated or damaged/],
      [new Uint8Array(), /empty/],
    ];
    const z = new JSZip();
    z.file('xl/workbook.xml', '<not really');
    z.file('[Content_Types].xml', 'garbage');
    cases.push([await z.generateAsync({ type: 'uint8array' }), /not a readable \.xlsx workbook/]);
    for (const [data, msg] of cases) {
      await expect(readWorkbookGrid(data, 'x.xlsx')).rejects.toThrow(InputError);
      await expect(readWorkbookGrid(data, 'x.xlsx')).rejects.toThrow(msg);
    }
  });
});

describe('zip bombs that lie about their sizes', () => {
  /** A workbook whose sheet unpacks to 60 MB while the zip directory says 1,000 bytes. */
  async function lyingBomb(): Promise<Uint8Array> {
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('xl/workbook.xml', '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>');
    z.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    z.file('xl/worksheets/sheet1.xml', new Uint8Array(60 * 1024 * 1024).fill(32));
    const bytes = await z.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) === 60 * 1024 * 1024) {
        view.setUint32(i + 22, 1000, true);
        patched++;
      } else if (sig === 0x02014b50 && view.getUint32(i + 24, true) === 60 * 1024 * 1024) {
        view.setUint32(i + 24, 1000, true);
        patched++;
      }
    }
    expect(patched).toBe(2);
    return bytes;
  }

  test('the directory check passes it, but unpacking stops at the limit', async () => {
    const bomb = await lyingBomb();
    await expect(readWorkbookGrid(bomb, 'lie.xlsx')).rejects.toThrow(/lie\.xlsx: refusing to open.*50 MB/);
    await expect(loadWorkbook(bomb, 'lie.xlsx')).rejects.toThrow(/lie\.xlsx: refusing to open.*50 MB/);
  });
});
