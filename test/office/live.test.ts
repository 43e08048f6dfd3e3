import { harness } from './harness';
import { syntheticPlan } from './fixtures';
import { checkTracking, generateTracking } from '../../src/adapters/office/tracking';
import { layoutGrid } from '../../src/core/layout/grid';
import {
  isLiveValidationOn,
  LiveValidation,
  parseAddress,
  parseAddresses,
  refreshLiveValidation,
  startLiveValidation,
  stopLiveValidation,
  type ExcelRun,
  type LiveUpdate,
} from '../../src/adapters/office/live';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { colLetters, type MockExcel } from './mockExcel';
import { liveNote } from '../../src/apps/taskpane/jobs/office';

jest.mock('../../src/apps/taskpane/jobs/seed', () => ({ seedText: '' }));

const AS_OF = '2023-06-30';
const plan = syntheticPlan(20);
const rows = readTracking(layoutGrid(buildTrackingLayout(plan))).positions.rows;
const at = (id: string, col: number) => `${colLetters(col)}${rows[id]}`;

async function setup(apiMinor = 13, run?: (mock: MockExcel) => ExcelRun) {
  const h = harness({ apiMinor });
  await generateTracking(h.ctx, plan, { caps: h.caps });
  const updates: LiveUpdate[] = [];
  const errors: string[] = [];
  const session = await startLiveValidation({
    run: run ? run(h.mock) : (h.mock.run as ExcelRun),
    asOf: () => AS_OF,
    debounceMs: 5,
    caps: h.caps,
    onUpdate: (u) => updates.push(u),
    onError: (m) => errors.push(m),
  });
  return { h, session, updates, errors };
}

afterEach(async () => {
  await stopLiveValidation();
});

test('parseAddress reads cells, ranges, rows, columns and sheet-qualified addresses; parseAddresses every area', () => {
  expect(parseAddress('K5')).toEqual({ r1: 5, c1: 11, r2: 5, c2: 11 });
  expect(parseAddress("'推进计划表'!K5:M9")).toEqual({ r1: 5, c1: 11, r2: 9, c2: 13 });
  expect(parseAddress('7:7')).toEqual({ r1: 7, c1: 1, r2: 7, c2: 16384 });
  expect(parseAddress('K:K')).toEqual({ r1: 1, c1: 11, r2: 1048576, c2: 11 });
  expect(parseAddresses('K5,K7')).toEqual([parseAddress('K5'), parseAddress('K7')]);
  expect(parseAddresses("'推进计划表'!K5:K6,M9")).toHaveLength(2);
});

test('typing "8.5万" re-judges just that row, stores the number and records the text in 说明', async () => {
  const { h, session, updates, errors } = await setup();
  expect(isLiveValidationOn()).toBe(true);
  await h.mock.edit(SHEET.main, at('3.1', COL.h1), [['8.5万']]);
  await session.flush();
  expect(errors).toEqual([]);
  expect(updates).toHaveLength(1);
  const u = updates[0];
  expect(u.judgements.map((j) => j.id)).toEqual(['3.1']);
  expect(u.normalized).toEqual([{ id: '3.1', field: 'h1', text: '8.5万', value: 85000 }]);
  expect(u.syncs).toBeLessThanOrEqual(2);
  expect(h.mock.value(SHEET.main, rows['3.1'], COL.h1)).toBe(85000);
  const note = String(h.mock.value(SHEET.main, rows['3.1'], COL.note));
  expect(note).toContain('原填“8.5万”');
  expect(note).toContain(u.judgements[0].message);
  expect(String(h.mock.value(SHEET.main, rows['3.1'], COL.status))).not.toBe('');
  // Other rows untouched.
  expect(h.mock.value(SHEET.main, rows['4.1'], COL.status)).toBeNull();
});

test('no protect/unprotect per edit: the sheet is opened once when live validation starts and protected again when it stops', async () => {
  const { h, session, updates } = await setup();
  const atStart = h.mock.stats.protection.length;
  expect(h.mock.stats.protection.slice(-1)).toEqual([[SHEET.main, 'unprotect']]);
  for (const id of ['1.1', '2.1', '3.1']) {
    await h.mock.edit(SHEET.main, at(id, COL.annual), [[5]]);
    await session.flush();
  }
  expect(updates).toHaveLength(3);
  expect(h.mock.stats.protection.length).toBe(atStart);
  // A full 校验 meanwhile leaves it open too.
  await checkTracking(h.fresh().ctx, AS_OF, { caps: h.caps });
  expect(h.mock.sheet(SHEET.main).protected).toBe(false);
  await stopLiveValidation();
  expect(h.mock.sheet(SHEET.main).protected).toBe(true);
  expect(h.mock.stats.protection.slice(-1)).toEqual([[SHEET.main, 'protect']]);
});

test('ExcelApi 1.20: typing figures with live validation on keeps the undo stack (each re-judge joins the edit)', async () => {
  const { h, session, updates } = await setup(20);
  const before = h.mock.stats.undoCleared;
  for (const id of ['1.1', '2.1', '3.1', '4.1']) {
    await h.mock.edit(SHEET.main, at(id, COL.h1), [['1万']]);
    await session.flush();
  }
  expect(updates).toHaveLength(4);
  expect(h.mock.stats.undoCleared).toBe(before);
  // Before 1.20 every add-in write clears it: the pane says so plainly instead.
  expect(liveNote(false, 'zh')).toContain('清空撤消记录');
  expect(liveNote(true, 'zh')).toContain('一起撤消');
  expect(liveNote(false, 'en')).toContain('clears the undo history');
});

test('the ribbon 校验 protected the sheet meanwhile: the next edit reopens it (outside an undo group) and is judged', async () => {
  const { h, session, updates, errors } = await setup(20);
  // The function file is another runtime: it doesn't know live validation holds the sheet open.
  h.mock.sheet(SHEET.main).protected = true;
  h.mock.sheet(SHEET.main).protectOptions = {};
  await h.mock.edit(SHEET.main, at('2.2', COL.h1), [[7]]);
  await session.flush();
  expect(errors).toEqual([]);
  expect(updates).toHaveLength(1);
  expect(h.mock.sheet(SHEET.main).protected).toBe(false);
});

test('multi-area changes ("K5,K7", Ctrl+Enter over a selection) re-judge every area', async () => {
  const { h, session, updates } = await setup();
  const col = colLetters(COL.annual);
  await h.mock.edit(SHEET.main, `${col}${rows['1.1']},${col}${rows['4.2']}`, 50);
  await session.flush();
  expect(updates).toHaveLength(1);
  expect(updates[0].judgements.map((j) => j.id).sort()).toEqual(['1.1', '4.2']);
});

test('a change reported for whole columns ("K:K") re-judges every indicator row; a co-author\'s is left alone', async () => {
  const { h, session, updates, errors } = await setup();
  for (const id of Object.keys(rows)) h.mock.type(SHEET.main, rows[id], COL.annual, 1);
  await h.mock.notify(SHEET.main, `${colLetters(COL.h1)}:${colLetters(COL.annual)}`, 'Remote');
  await session.flush();
  expect(updates).toHaveLength(0);
  await h.mock.notify(SHEET.main, `${colLetters(COL.annual)}:${colLetters(COL.annual)}`);
  await session.flush();
  expect(errors).toEqual([]);
  expect(updates).toHaveLength(1);
  expect(updates[0].judgements).toHaveLength(20);
});

test('while the user types in a cell, the re-judge waits (delayForCellEdit) instead of failing', async () => {
  const { h, session, updates, errors } = await setup();
  await h.mock.edit(SHEET.main, at('3.1', COL.h1), [[100]]);
  h.mock.startEditing();
  const done = session.flush();
  await new Promise((r) => setTimeout(r, 20));
  expect(updates).toHaveLength(0);
  h.mock.stopEditing();
  await done;
  expect(errors).toEqual([]);
  expect(updates).toHaveLength(1);
});

test('rows that could not be judged (cell-edit mode) are tried again, not dropped', async () => {
  // A host that ignores delayForCellEdit: batches fail while the user is editing.
  const ignoreDelay = (mock: MockExcel): ExcelRun =>
    ((a: unknown, b?: unknown) =>
      mock.run((typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<unknown>)) as ExcelRun;
  const { h, session, updates, errors } = await setup(13, ignoreDelay);
  await h.mock.edit(SHEET.main, at('5.1', COL.h1), [[250]]);
  h.mock.startEditing();
  await session.flush();
  expect(updates).toHaveLength(0);
  expect(errors).toEqual([]);
  h.mock.stopEditing();
  await new Promise((r) => setTimeout(r, 30));
  await session.flush();
  expect(updates).toHaveLength(1);
  expect(updates[0].judgements.map((j) => j.id)).toEqual(['5.1']);
});

test('other failures are explained in plain words', async () => {
  const { h, session, errors } = await setup();
  h.mock.failOn.push({ label: 'values', code: 'GeneralException' });
  await h.mock.edit(SHEET.main, at('1.2', COL.h1), [['2万']]);
  await session.flush();
  expect(errors).toEqual(['自动校验未完成：Excel 暂时无法完成操作。请稍后重试；如反复出现，请保存并重新打开工作簿。']);
});

test('edits outside entry cells are ignored; several quick edits are judged together', async () => {
  const { h, session, updates } = await setup();
  await h.mock.edit(SHEET.main, at('2.1', COL.label), [['改了指标名']]);
  await session.flush();
  expect(updates).toHaveLength(0);
  await h.mock.edit(SHEET.main, at('1.1', COL.h1), [[10]]);
  await h.mock.edit(SHEET.main, `${at('5.1', COL.annual)}:${colLetters(COL.annual)}${rows['5.2']}`, [[300], [400]]);
  await session.flush();
  expect(updates).toHaveLength(1);
  expect(updates[0].judgements.map((j) => j.id).sort()).toEqual(['1.1', '5.1', '5.2']);
});

test('turning it off removes the handler through its own context and stops judging', async () => {
  const { h, session, updates } = await setup();
  await stopLiveValidation();
  expect(isLiveValidationOn()).toBe(false);
  expect(h.mock.sheet(SHEET.main).handlers).toHaveLength(0);
  await h.mock.edit(SHEET.main, at('1.1', COL.h1), [['8.5万']]);
  await session.flush();
  expect(updates).toHaveLength(0);
  expect(h.mock.value(SHEET.main, rows['1.1'], COL.h1)).toBe('8.5万');
});

test('after a regenerate, refreshLiveValidation re-attaches to the new sheet', async () => {
  const { h, session, updates } = await setup();
  await generateTracking(h.fresh().ctx, plan, { caps: h.caps, replace: true });
  expect(h.mock.sheet(SHEET.main).handlers).toHaveLength(0);
  await refreshLiveValidation();
  expect(h.mock.sheet(SHEET.main).handlers).toHaveLength(1);
  await h.mock.edit(SHEET.main, at('2.2', COL.h1), [['3万']]);
  await session.flush();
  expect(updates).toHaveLength(1);
  expect(h.mock.value(SHEET.main, rows['2.2'], COL.h1)).toBe(30000);
  void LiveValidation;
});
