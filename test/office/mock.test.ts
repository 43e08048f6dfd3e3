// The stricter double itself: it must refuse what real Excel refuses, so the adapter tests can rely on it.
import { MockExcel, RichApiError, excelCoerce, type MockContext } from './mockExcel';
import { CLIENTS, clientNamed } from './clients';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? String(e),
  );

function book(opts: ConstructorParameters<typeof MockExcel>[0] = {}) {
  const mock = new MockExcel(opts);
  mock.addSheet('S');
  mock.addSheet('T');
  return mock;
}

test('a read without load() fails and is recorded (office-addin-mock sentinel)', async () => {
  const mock = book();
  const ctx = mock.context();
  const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
  expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  r.load('values');
  // Loaded but not synced yet.
  expect(() => r.values).toThrow(RichApiError);
  await ctx.sync();
  expect(r.values).toEqual([['']]);
  expect(mock.stats.unloadedReads).toEqual(['range.values', 'range.values']);
  // Provoked on purpose: take them out of the ledger test/office/setup.ts checks after every test.
  mock.stats.unloadedReads.length = 0;
});

test('errors are RichApi.Error objects with code and debugInfo, raised at sync(); earlier actions stay, later ones are dropped', async () => {
  const mock = book();
  mock.sheet('S').protected = true;
  const ctx = mock.context();
  const t = ctx.workbook.worksheets.getItem('T');
  t.getRange('A1').values = [['before']];
  const s = ctx.workbook.worksheets.getItem('S');
  // Queuing is fine; Excel only refuses when the batch runs.
  s.getRange('B2').values = [['x']];
  t.getRange('A2').values = [['after']];
  const err = (await ctx.sync().catch((e: unknown) => e)) as RichApiError;
  expect(err).toBeInstanceOf(Error);
  expect(err.name).toBe('RichApi.Error');
  expect(err.code).toBe('AccessDenied');
  expect(err.message).not.toContain('AccessDenied');
  expect(err.debugInfo).toEqual(
    expect.objectContaining({ code: 'AccessDenied', errorLocation: expect.stringContaining('S!B2') }),
  );
  expect(mock.value('T', 1, 1)).toBe('before');
  expect(mock.value('T', 2, 1)).toBeNull();
  // The context takes a new batch afterwards.
  t.getRange('A2').values = [['later']];
  await ctx.sync();
  expect(mock.value('T', 2, 1)).toBe('later');
});

test('requests above the payload limit fail, as on Excel on the web', async () => {
  const mock = new MockExcel({ payloadLimit: 1000 });
  mock.addSheet('S');
  const ctx = mock.context();
  ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 100, 1).values = Array.from({ length: 100 }, () => [
    'xxxxxxxxxxxxxxxx',
  ]);
  await expect(codeOf(ctx.sync())).resolves.toBe('RequestPayloadSizeLimitExceeded');
});

describe('protection applies to every operation, by the protect options', () => {
  async function onProtected(
    write: (ws: Excel.Worksheet, ctx: MockContext) => void,
    options: Excel.WorksheetProtectionOptions = {},
  ) {
    const mock = book();
    const ctx = mock.context();
    const ws = ctx.workbook.worksheets.getItem('S') as unknown as Excel.Worksheet;
    ws.protection.protect(options);
    await ctx.sync();
    write(ws, ctx);
    return codeOf(ctx.sync());
  }
  const cases: Array<[string, (ws: Excel.Worksheet) => void]> = [
    ['values of locked cells', (ws) => (ws.getRange('A1').values = [['x']])],
    ['number formats', (ws) => (ws.getRange('A1').numberFormat = [['0.00']])],
    ['fills', (ws) => (ws.getRange('A1').format.fill.color = '#FF0000')],
    ['fonts', (ws) => (ws.getRange('A1').format.font.bold = true)],
    ['merges', (ws) => ws.getRange('A1:B1').merge(false)],
    [
      'data validation',
      (ws) => (ws.getRange('A1').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } }),
    ],
    ['a new auto filter', (ws) => ws.autoFilter.apply(ws.getRange('A1:B3'))],
    ['column widths', (ws) => (ws.getRange('A1').format.columnWidth = 40)],
    ['row heights', (ws) => (ws.getRange('A1').format.rowHeight = 30)],
    ['page breaks', (ws) => ws.horizontalPageBreaks.add('A5')],
    ['page layout', (ws) => (ws.pageLayout.orientation = 'Landscape')],
    ['headers', (ws) => (ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = 'x')],
  ];
  for (const [what, write] of cases)
    test(`refuses ${what}`, async () => {
      await expect(onProtected(write)).resolves.toBe('AccessDenied');
    });

  test('allowFormatRows/Columns/Cells let those through', async () => {
    const allow = { allowFormatRows: true, allowFormatColumns: true, allowFormatCells: true };
    await expect(onProtected((ws) => (ws.getRange('A1').format.rowHeight = 30), allow)).resolves.toBe('resolved');
    await expect(onProtected((ws) => (ws.getRange('A1').format.columnWidth = 40), allow)).resolves.toBe('resolved');
    await expect(onProtected((ws) => (ws.getRange('A1').format.font.bold = true), allow)).resolves.toBe('resolved');
  });

  test('protect() on a protected sheet throws; unprotect() on an unprotected one throws (#6784) or not', async () => {
    await expect(onProtected((ws) => ws.protection.protect())).resolves.toBe('AccessDenied');
    const strict = book();
    const c1 = strict.context();
    c1.workbook.worksheets.getItem('S').protection.unprotect();
    await expect(codeOf(c1.sync())).resolves.toBe('AccessDenied');
    const lenient = book({ unprotectUnprotected: 'noop' });
    const c2 = lenient.context();
    c2.workbook.worksheets.getItem('S').protection.unprotect();
    await expect(codeOf(c2.sync())).resolves.toBe('resolved');
  });
});

describe('cell-edit mode', () => {
  test('sync() rejects with InvalidOperationInCellEditMode, and nothing of the batch is applied', async () => {
    const mock = book();
    mock.startEditing();
    const err = await mock
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem('T').getRange('A1').values = [['x']];
        await ctx.sync();
      })
      .catch((e: RichApiError) => e);
    expect((err as RichApiError).code).toBe('InvalidOperationInCellEditMode');
    expect(mock.value('T', 1, 1)).toBeNull();
  });

  test('with delayForCellEdit the batch waits until editing ends', async () => {
    const mock = book();
    mock.startEditing();
    let done = false;
    const p = mock
      .run({ delayForCellEdit: true }, async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem('T').getRange('A1').values = [['x']];
        await ctx.sync();
      })
      .then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    mock.stopEditing();
    await p;
    expect(mock.value('T', 1, 1)).toBe('x');
  });
});

describe('undo', () => {
  test('before ExcelApi 1.20 any write clears the undo stack; reads do not', async () => {
    const mock = book({ apiMinor: 13 });
    const ctx = mock.context();
    const r = ctx.workbook.worksheets.getItem('T').getRange('A1');
    r.load('values');
    await ctx.sync();
    expect(mock.stats.undoCleared).toBe(0);
    r.values = [['x']];
    await ctx.sync();
    expect(mock.stats.undoCleared).toBe(1);
  });

  test('on 1.20 only the APIs Microsoft lists clear it, and mergeUndoGroup refuses them (UndoNotSupported)', async () => {
    const mock = book({ apiMinor: 20 });
    const ctx = mock.context();
    const ws = ctx.workbook.worksheets.getItem('T');
    ws.getRange('A1').values = [['x']];
    await ctx.sync();
    expect(mock.stats.undoCleared).toBe(0);
    ws.protection.protect();
    await ctx.sync();
    ws.protection.unprotect();
    ws.name = 'T2';
    await ctx.sync();
    expect(mock.stats.undoCleared).toBe(3);
    const code = await codeOf(
      mock.run({ mergeUndoGroup: true }, async (c: Excel.RequestContext) => {
        c.workbook.worksheets.getItem('T2').protection.protect();
        await c.sync();
      }),
    );
    expect(code).toBe('UndoNotSupported');
  });
});

describe('Range.values coercion, as Excel does it', () => {
  const cases: Array<[string, unknown, string?]> = [
    ['=SUM(1,2)', '#FORMULA(=SUM(1,2))', 'Formula'],
    ['+abc', '#FORMULA(+abc)', 'Formula'],
    ['-5', -5, 'Number'],
    ["'0012", '0012', undefined],
    ["''x", "'x", undefined],
    ['(123)', -123, 'Number'],
    ['1,234', 1234, 'Number'],
    ['50%', 0.5, 'Number'],
    ['1e5', 100000, 'Number'],
    ['１２３', 123, 'Number'],
    ['TRUE', true, 'Boolean'],
    ['#N/A', '#N/A', 'Error'],
    ['2023-06-30', 45107, 'Date'],
    ['2023年6月30日', 45107, 'Date'],
    ['June 30, 2023', 45107, 'Date'],
    ['30-Jun-2023', 45107, 'Date'],
    ['完成22万人', '完成22万人', undefined],
  ];
  for (const [input, value, typed] of cases)
    test(JSON.stringify(input), () => {
      const out = excelCoerce(input);
      expect(out.value).toBe(value);
      expect(out.typed).toBe(typed);
    });

  test('text over 32,767 characters fails the write; null leaves a cell as it is', async () => {
    const mock = book();
    const ctx = mock.context();
    const ws = ctx.workbook.worksheets.getItem('T');
    ws.getRange('A1:B1').values = [['keep', 'x']];
    await ctx.sync();
    ws.getRange('A1:B1').values = [[null as unknown as string, 'y']];
    await ctx.sync();
    expect([mock.value('T', 1, 1), mock.value('T', 1, 2)]).toEqual(['keep', 'y']);
    ws.getRange('C1').values = [['x'.repeat(32768)]];
    await expect(codeOf(ctx.sync())).resolves.toBe('InvalidArgument');
  });
});

describe('change events', () => {
  test('arrive after the sync that raised them, with the written address', async () => {
    const mock = book();
    const seen: string[] = [];
    const ctx = mock.context();
    ctx.workbook.worksheets.getItem('T').onChanged.add((e: Excel.WorksheetChangedEventArgs) => {
      seen.push(e.address);
    });
    await ctx.sync();
    ctx.workbook.worksheets.getItem('T').getRange('B2:C3').values = [
      [1, 2],
      [3, 4],
    ];
    await ctx.sync();
    expect(seen).toEqual([]);
    await mock.eventsDelivered();
    expect(seen).toEqual(['B2:C3']);
  });

  test('user edits: single, block, whole row, whole column and multi-area addresses', async () => {
    const mock = book();
    const seen: string[] = [];
    mock.sheet('T').handlers.push((e) => void seen.push(e.address));
    await mock.edit('T', 'K5', [[1]]);
    await mock.edit('T', 'K5:K7', [[1], [2], [3]]);
    await mock.edit('T', 'K5,K7', 9);
    await mock.edit('T', 'K5:K6,M9', [[[1], [2]], [[3]]]);
    await mock.edit('T', '6:6', '');
    await mock.edit('T', 'K:K', '');
    expect(seen).toEqual(['K5', 'K5:K7', 'K5,K7', 'K5:K6,M9', '6:6', 'K:K']);
    expect(mock.value('T', 7, 11)).toBeNull();
    expect(mock.value('T', 9, 13)).toBe(3);
  });

  test('a handler is removed through its own context; a finished context refuses a new batch', async () => {
    const mock = book();
    let handler: { context: unknown; remove(): void } | undefined;
    await mock.run(async (ctx) => {
      handler = (
        (ctx as Excel.RequestContext).workbook.worksheets.getItem('T') as unknown as Excel.Worksheet
      ).onChanged.add(async () => undefined) as never;
      await ctx.sync();
    });
    handler!.remove();
    await expect(codeOf((handler!.context as MockContext).sync())).resolves.toBe('InvalidRequestContext');
    expect(mock.sheet('T').handlers).toHaveLength(1);
    await mock.run(handler!.context, async (ctx) => {
      handler!.remove();
      await ctx.sync();
    });
    expect(mock.sheet('T').handlers).toHaveLength(0);
  });
});

test('client profiles couple API sets with the platform', () => {
  const mac = new MockExcel({ client: clientNamed('Excel for Mac current (Safari 17)') });
  expect(mac.platform).toBe('Mac');
  expect(mac.isSetSupported('ExcelApi', '1.20')).toBe(true);
  const vl = new MockExcel({ client: CLIENTS.find((c) => c.excelApi === 7)! });
  expect(vl.isSetSupported('ExcelApi', '1.8')).toBe(false);
});

test("Excel's limits: sheet names, very hidden sheets, validation texts, row heights, getRanges length", async () => {
  const mock = book();
  const ctx = mock.context();
  const sheets = ctx.workbook.worksheets;
  sheets.add('a/b');
  await expect(codeOf(ctx.sync())).resolves.toBe('InvalidArgument');
  sheets.add('t');
  await expect(codeOf(ctx.sync())).resolves.toBe('ItemAlreadyExists');
  mock.sheet('T').visibility = 'VeryHidden';
  sheets.getItem('T').delete();
  await expect(codeOf(ctx.sync())).resolves.toBe('InvalidOperation');
  sheets.getItem('S').getRange('A1').dataValidation.prompt = { showPrompt: true, title: '标'.repeat(33), message: '' };
  await expect(codeOf(ctx.sync())).resolves.toBe('InvalidArgument');
  sheets.getItem('S').getRange('A1').format.rowHeight = 410;
  await expect(codeOf(ctx.sync())).resolves.toBe('InvalidArgument');
  expect(() => sheets.getItem('S').getRanges(Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(','))).toThrow(
    RichApiError,
  );
});
