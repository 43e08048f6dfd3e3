import { harness, expectAllLoaded } from './harness';
import { syntheticPlan } from './fixtures';
import { generateTracking } from '../../src/adapters/office/tracking';
import { layoutGrid } from '../../src/core/layout/grid';
import {
  isLiveValidationOn,
  parseAddress,
  refreshLiveValidation,
  startLiveValidation,
  stopLiveValidation,
  type LiveUpdate,
} from '../../src/adapters/office/live';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { colLetters } from './mockExcel';

const AS_OF = '2023-06-30';
const plan = syntheticPlan(20);
const rows = readTracking(layoutGrid(buildTrackingLayout(plan))).positions.rows;
const at = (id: string, col: number) => `${colLetters(col)}${rows[id]}`;

async function setup(apiMinor = 9) {
  const h = harness({ apiMinor });
  await generateTracking(h.ctx, plan, { caps: h.caps });
  const updates: LiveUpdate[] = [];
  const errors: string[] = [];
  const session = await startLiveValidation({
    run: h.mock.run,
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

test('parseAddress reads cells, ranges and sheet-qualified addresses', () => {
  expect(parseAddress('K5')).toEqual({ r1: 5, c1: 11, r2: 5, c2: 11 });
  expect(parseAddress("'推进计划表'!K5:M9")).toEqual({ r1: 5, c1: 11, r2: 9, c2: 13 });
  expect(parseAddress('7:7')).toEqual({ r1: 7, c1: 1, r2: 7, c2: 16384 });
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
  expect(h.mock.sheet(SHEET.main).protected).toBe(true);
  expectAllLoaded(h.mock);
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

test('on ExcelApi 1.7 our own writes raise events, and the loop still settles', async () => {
  const { h, session, updates, errors } = await setup(7);
  await h.mock.edit(SHEET.main, at('3.2', COL.annual), [['1,234人']]);
  // Each flush may be followed by events from our own writes; drain them.
  for (let i = 0; i < 5; i++) await session.flush();
  expect(errors).toEqual([]);
  expect(h.mock.value(SHEET.main, rows['3.2'], COL.annual)).toBe(1234);
  // First pass normalizes; the write of the number comes back once as an edit, then nothing more.
  expect(updates.length).toBe(2);
  expect(updates[updates.length - 1].normalized).toEqual([]);
});

test('turning it off stops judging', async () => {
  const { h, session, updates } = await setup();
  await stopLiveValidation();
  expect(isLiveValidationOn()).toBe(false);
  await h.mock.edit(SHEET.main, at('1.1', COL.h1), [['8.5万']]);
  await session.flush();
  expect(updates).toHaveLength(0);
  expect(h.mock.value(SHEET.main, rows['1.1'], COL.h1)).toBe('8.5万');
  expect(h.mock.sheet(SHEET.main).handlers).toHaveLength(0);
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
});
