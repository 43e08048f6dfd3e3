// The in-place patcher's pieces on small hand-written XML: cells and rows edited in order, formulas kept
// or flagged, elements put where the schema wants them, headers' other sections kept, styles and shared
// strings appended without moving what is there (and reused on a second run).
import {
  editSheetXml,
  putTopElement,
  setCenterHeader,
  sheetLayoutXml,
  type RowEdit,
} from '../../src/adapters/exceljs/sheetXml';
import { StylesEditor, EMPTY_STYLES } from '../../src/adapters/exceljs/stylesXml';
import { SharedStrings } from '../../src/adapters/exceljs/sharedStrings';
import { TRACKING_STYLES } from '../../src/core/tracking/layout';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const sheet = (data: string, after = '') =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>${data}</sheetData>${after}</worksheet>`;
const edits = (
  rows: Record<number, Record<number, { value?: string | number | null; xf: number }> & { minHeight?: number }>,
) =>
  new Map<number, RowEdit>(
    Object.entries(rows).map(([r, cells]) => {
      const { minHeight, ...rest } = cells as Record<string, unknown>;
      return [
        Number(r),
        {
          cells: new Map(Object.entries(rest).map(([c, w]) => [Number(c), w as { value?: string; xf: number }])),
          ...(minHeight ? { minHeight: minHeight as number } : {}),
        },
      ];
    }),
  );

describe('editSheetXml', () => {
  const strings: string[] = [];
  const sst = (t: string) => {
    if (!strings.includes(t)) strings.push(t);
    return strings.indexOf(t);
  };

  test('replaces and inserts cells in column order, adds rows in row order, keeps every other byte', () => {
    const xml = sheet(
      '<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1" s="2"><v>3</v></c></row><row r="3"><c r="B3" t="s"><v>0</v></c></row>',
      '<pageMargins left="1"/>',
    );
    const r = editSheetXml(
      xml,
      edits({ 1: { 2: { value: 'new', xf: 5 } }, 2: { 1: { value: 7, xf: 0 } }, 5: { 3: { value: null, xf: 4 } } }),
      sst,
    );
    expect(text(r.bytes)).toBe(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="5" t="s"><v>0</v></c><c r="C1" s="2"><v>3</v></c></row>' +
          '<row r="2"><c r="A2"><v>7</v></c></row><row r="3"><c r="B3" t="s"><v>0</v></c></row><row r="5"><c r="C5" s="4"/></row>',
        '<pageMargins left="1"/>',
      ).replace('A1:C3', 'A1:C5'),
    );
    expect(r.replacedFormula).toBe(false);
  });

  test('a style-only edit keeps the value and formula; a value over a formula is flagged', () => {
    const xml = sheet('<row r="1"><c r="A1" s="1"><f>1+1</f><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c></row>');
    const r = editSheetXml(xml, edits({ 1: { 1: { xf: 9 }, 2: { value: 5, xf: 9 } } }), sst);
    expect(text(r.bytes)).toContain(
      '<row r="1"><c r="A1" s="9"><f>1+1</f><v>2</v></c><c r="B1" s="9"><v>5</v></c></row>',
    );
    expect(r.replacedFormula).toBe(true);
  });

  test('raises a row to a minimum height and never lowers it', () => {
    const xml = sheet('<row r="1" ht="40" customHeight="1"><c r="A1"/></row><row r="2" ht="10"><c r="A2"/></row>');
    const out = text(editSheetXml(xml, edits({ 1: { minHeight: 20 }, 2: { minHeight: 20 } }), sst).bytes);
    expect(out).toContain('<row r="1" ht="40" customHeight="1">');
    expect(out).toContain('<row r="2" ht="20" customHeight="1">');
  });

  test('keeps a namespace prefix on what it writes', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const out = text(
      editSheetXml(xml, edits({ 1: { 2: { value: 'b', xf: 1 } }, 2: { 1: { value: 2, xf: 1 } } }), sst).bytes,
    );
    expect(out).toContain('<x:c r="B1" s="1" t="s"><x:v>');
    expect(out).toContain('<x:row r="2"><x:c r="A2" s="1"><x:v>2</x:v></x:c></x:row></x:sheetData>');
  });
});

describe('sheet tail edits', () => {
  test("rowBreaks goes after headerFooter and before drawing; a nested extLst is not mistaken for the sheet's", () => {
    const xml = sheet(
      '',
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins left="1"/><headerFooter><oddFooter>x</oddFooter></headerFooter><drawing r:id="rId1"/>',
    );
    const out = putTopElement(xml, 'rowBreaks', '<rowBreaks count="1"><brk id="9"/></rowBreaks>');
    expect(out).toContain('</headerFooter><rowBreaks count="1"><brk id="9"/></rowBreaks><drawing r:id="rId1"/>');
    const noDrawing = sheet(
      '',
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula><extLst><ext/></extLst></cfRule></conditionalFormatting><extLst><ext uri="x"/></extLst>',
    );
    expect(putTopElement(noDrawing, 'rowBreaks', '<rowBreaks/>')).toContain(
      '</conditionalFormatting><rowBreaks/><extLst><ext uri="x"/></extLst>',
    );
  });

  test('the centre of the page header is replaced; left and right sections and literal && stay', () => {
    const xml = sheet(
      '',
      '<headerFooter><oddHeader>&amp;L&amp;"Arial"A &amp;&amp; B&amp;Cold&amp;R&amp;P</oddHeader><oddFooter>f</oddFooter></headerFooter>',
    );
    expect(setCenterHeader(xml, '截至 2023年7月15日')).toContain(
      '<oddHeader>&amp;L&amp;"Arial"A &amp;&amp; B&amp;C截至 2023年7月15日&amp;R&amp;P</oddHeader><oddFooter>f</oddFooter>',
    );
    expect(setCenterHeader(sheet('', '<pageMargins left="1"/>'), 'X')).toContain(
      '<pageMargins left="1"/><headerFooter><oddHeader>&amp;CX</oddHeader></headerFooter>',
    );
  });
});

describe('styles and shared strings', () => {
  test('styles are appended (existing indexes keep their meaning) and reused on a second run', () => {
    const first = new StylesEditor(EMPTY_STYLES);
    const entry = first.xfOf('entry', TRACKING_STYLES.entry);
    const rate = first.xfOf('rate', TRACKING_STYLES.rate);
    expect([entry, rate]).toEqual([1, 2]);
    const xml = first.toXml();
    expect(xml).toContain('<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(xml).toContain('<protection locked="0"/>');
    expect(xml).toMatch(
      /<xf numFmtId="9" [^>]*applyAlignment="1"><alignment horizontal="center" vertical="center"\/><\/xf>/,
    );
    const second = new StylesEditor(xml);
    expect([second.xfOf('entry', TRACKING_STYLES.entry), second.xfOf('rate', TRACKING_STYLES.rate)]).toEqual([1, 2]);
    expect(second.changed).toBe(false);
  });

  test('a styles part without fills or borders gets the defaults first, so index 0 still means none', () => {
    const bare =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><cellXfs count="1"><xf/></cellXfs></styleSheet>';
    const ed = new StylesEditor(bare);
    expect(ed.xfOf('entry', TRACKING_STYLES.entry)).toBe(1);
    const xml = ed.toXml();
    expect(xml).toMatch(
      /<fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill>/,
    );
    expect(xml).toMatch(
      /<borders count="2"><border><left\/><right\/><top\/><bottom\/><diagonal\/><\/border><border><left style="thin">/,
    );
    expect(xml.indexOf('<fills')).toBeLessThan(xml.indexOf('<cellXfs'));
  });

  test('shared strings: existing plain entries are reused, new ones appended, uniqueCount updated', () => {
    const sst = new SharedStrings(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="3"><si><t>甲</t></si><si><r><t>乙</t></r></si><si><t xml:space="preserve"> 丙&amp;</t></si></sst>',
    );
    expect([sst.indexOf('甲'), sst.indexOf(' 丙&'), sst.indexOf('乙'), sst.indexOf('乙'), sst.indexOf('<丁>')]).toEqual(
      [0, 2, 3, 3, 4],
    );
    expect(sst.toXml()).toBe(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="5"><si><t>甲</t></si><si><r><t>乙</t></r></si><si><t xml:space="preserve"> 丙&amp;</t></si>' +
        '<si><t xml:space="preserve">乙</t></si><si><t xml:space="preserve">&lt;丁&gt;</t></si></sst>',
    );
  });
});

test('a whole sheet from a layout: rows in order with heights, merges, freeze, print titles left to the workbook', () => {
  const st = new StylesEditor(EMPTY_STYLES);
  const strings: string[] = [];
  const out = text(
    sheetLayoutXml(
      {
        name: '日志',
        state: 'visible',
        columnWidths: [10, 20],
        rowHeights: { 1: 20, 3: 30 },
        cells: [
          { r: 2, c: 2, value: 5, style: 'rate' },
          { r: 1, c: 1, value: '时间', style: 'entry' },
        ],
        merges: [{ r1: 1, c1: 1, r2: 1, c2: 2 }],
        freeze: { rows: 1, cols: 0 },
        protect: false,
        validations: [],
      },
      (k) => (k ? st.xfOf(k, TRACKING_STYLES[k]) : 0),
      (t) => strings.push(t) - 1,
    ),
  );
  expect(out).toContain('<dimension ref="A1:B2"/>');
  expect(out).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  expect(out).toContain(
    '<sheetData><row r="1" ht="20" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c></row><row r="2"><c r="B2" s="2"><v>5</v></c></row><row r="3" ht="30" customHeight="1"/></sheetData>',
  );
  expect(out).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
  expect(strings).toEqual(['时间']);
});

test('cell patches apply in order (a later style-only patch keeps the value), into a package without styles or strings', async () => {
  const { applyPatch } = await import('../../src/adapters/exceljs/patch');
  const { readWorkbookGrid } = await import('../../src/adapters/exceljs/read');
  const { craftedSheet, partsOf, expectWellFormed } = await import('../hostile/xlsx-helpers');
  const bytes = await craftedSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
  const out = await applyPatch(bytes, {
    styles: { entry: TRACKING_STYLES.entry },
    cells: [
      { sheet: '推进计划表', r: 1, c: 1, value: 50, style: 'entry' },
      { sheet: '推进计划表', r: 1, c: 1, style: 'entry' },
      { sheet: '推进计划表', r: 2, c: 2, value: '已完成', style: 'entry' },
    ],
    sheets: [],
  });
  expect((await readWorkbookGrid(out)).sheets[0].rows).toEqual([[50], [null, '已完成']]);
  const parts = await partsOf(out);
  expect(parts.get('[Content_Types].xml')!.toString()).toContain('PartName="/xl/styles.xml"');
  expect(parts.get('[Content_Types].xml')!.toString()).toContain('PartName="/xl/sharedStrings.xml"');
  expect(parts.get('xl/_rels/workbook.xml.rels')!.toString()).toMatch(/Type="[^"]+\/styles" Target="styles.xml"/);
  await expectWellFormed(out);
});

describe('big sheets, read and edited a window at a time', () => {
  // Most of a megabyte of rows (many 32 KB windows) with multi-byte text, long rows and rows without a number, so windows end inside
  // rows and next to UTF-8 sequences; the result must be the same as editing the whole text at once.
  const n = 6000;
  const long = '推进事项说明'.repeat(60);
  const rowOf = (r: number, numbered = true) =>
    `<row${numbered ? ` r="${r}"` : ''} spans="1:3"><c r="A${r}" t="inlineStr"><is><t>${r % 7 === 0 ? long : `第${r}行`}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
  const rows: string[] = [];
  for (let r = 1; r <= n; r++)
    if (r % 10 !== 5) rows.push(r % 10 === 6 ? rowOf(r, false).replace(/ r="[A-Z]\d+"/g, '') : rowOf(r));
  // Row 6 has no r: it follows row 4 (row 5 is missing), so it is read as row 5.
  const xml = sheet(rows.join(''));

  test('edits land on the right rows across window boundaries', () => {
    const sst = () => 0;
    const edit: Record<number, Record<number, { value?: string | number | null; xf: number }>> = {};
    for (let r = 3; r <= n; r += 1000) edit[r] = { 3: { value: r * 2, xf: 1 } };
    edit[n + 2] = { 1: { value: 1, xf: 0 } };
    const out = text(editSheetXml(new TextEncoder().encode(xml), edits(edit), sst).bytes);
    let expected = xml;
    for (let r = 3; r <= n; r += 1000) {
      const numbered = rows.find((x) => x.startsWith(`<row r="${r}" `))!;
      expected = expected.replace(
        numbered,
        numbered.replace(' spans="1:3"', '').replace('</row>', `<c r="C${r}" s="1"><v>${r * 2}</v></c></row>`),
      );
    }
    expected = expected
      .replace('</sheetData>', `<row r="${n + 2}"><c r="A${n + 2}"><v>1</v></c></row></sheetData>`)
      .replace('A1:C3', `A1:C${n + 2}`);
    expect(out.length).toBeGreaterThan(500_000);
    expect(out).toBe(expected);
  });

  test('the values reader sees every row', async () => {
    const JSZip = (await import('jszip')).default;
    const { readGridFast } = await import('../../src/adapters/exceljs/grid');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      'xl/workbook.xml',
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    zip.file('xl/worksheets/sheet1.xml', xml);
    const grid = await readGridFast(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const got = grid.sheets[0].rows;
    expect(got.length).toBe(n);
    const cell = (r: number) => (r % 7 === 0 ? long : `第${r}行`);
    for (let r = 1; r <= n; r++) {
      // Row r%10==5 is missing; the unnumbered row after it is read in its place.
      if (r % 10 === 5) expect(got[r - 1]).toEqual([cell(r + 1), r + 1]);
      else if (r % 10 === 6) expect(got[r - 1]).toEqual([]);
      else expect(got[r - 1]).toEqual([cell(r), r]);
    }
  });
});
