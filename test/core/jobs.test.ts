// The four jobs (generate, check, print, consolidate) on the seed, through a host in memory: what each
// host (Office, file, page) runs, checked once here for the decisions and the writes they ask of a host.
import * as fs from 'fs';
import * as path from 'path';
import { FakeHost } from './fakeHost';
import { parsePlan } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/model';
import type { WorkbookGrid } from '../../src/core/layout/types';
import { layoutGrid } from '../../src/core/layout/grid';
import { readTracking } from '../../src/core/tracking/read';
import { planIdentity } from '../../src/core/tracking/layout';
import { statusText } from '../../src/core/tracking/patch';
import { SHEET } from '../../src/core/tracking/sheet';
import { buildReturnLayout, RETURN_COL, RETURN_SHEET } from '../../src/core/returns/layout';
import { LOG_SHEET } from '../../src/core/consolidate/log';
import type { ReturnInput } from '../../src/core/consolidate/consolidate';
import { runGenerate } from '../../src/core/jobs/generate';
import { runCheck, runPrint, TRACKING_SHEETS } from '../../src/core/jobs/check';
import { runConsolidate } from '../../src/core/jobs/consolidate';

const seed = parsePlan(fs.readFileSync(path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8'));
const ids = seed.items.flatMap((it) => it.indicators.map((ind) => ind.id));
const YEAR = seed.year;

/** The main sheet's cell for an indicator's column. */
function cell(grid: WorkbookGrid, id: string, col: 'h1' | 'annual' | 'status' | 'note') {
  const pos = readTracking(grid).positions;
  const c = pos.columns[col]!;
  const sheet = grid.sheets.find((s) => s.name === pos.sheet)!;
  const row = pos.rows[id];
  return {
    get: () => sheet.rows[row - 1]?.[c - 1] ?? null,
    set: (v: number) => {
      while (sheet.rows.length < row) sheet.rows.push([]);
      const r = sheet.rows[row - 1];
      while (r.length < c) r.push(null);
      r[c - 1] = v;
    },
  };
}

async function generated(plan: Plan = seed, wholeFile = false): Promise<FakeHost> {
  const host = new FakeHost({ sheets: [] }, wholeFile);
  const r = await runGenerate(host, plan, { toolVersion: 'test' });
  expect(r.status).toBe('written');
  return host;
}

describe('generate', () => {
  test('writes the tracking sheets for every indicator, and asks before replacing them', async () => {
    const host = await generated();
    expect(host.grid.sheets.map((s) => s.name)).toEqual(TRACKING_SHEETS);
    expect(Object.keys(readTracking(host.grid).positions.rows)).toEqual(ids);
    const again = await runGenerate(host, seed);
    expect(again).toEqual({ status: 'needs-confirmation', existing: TRACKING_SHEETS });
    expect(host.writes).toBe(1);
  });

  test('replacing carries entered figures by indicator id', async () => {
    const host = await generated();
    cell(host.grid, ids[1], 'h1').set(42);
    const r = await runGenerate(host, seed, { replace: true });
    expect(r).toMatchObject({ status: 'written', kept: 1, orphaned: [], keptSheets: [] });
    expect(cell(host.grid, ids[1], 'h1').get()).toBe(42);
  });

  test('figures of an indicator the new plan lacks: the old sheets are set aside, or a file is refused', async () => {
    const fewer: Plan = { ...seed, items: seed.items.slice(1) };
    const gone = seed.items[0].indicators[0].id;
    for (const wholeFile of [false, true]) {
      const host = await generated(seed, wholeFile);
      cell(host.grid, gone, 'annual').set(7);
      const r = await runGenerate(host, fewer, { replace: true });
      if (wholeFile) {
        expect(r).toMatchObject({ status: 'refused', orphaned: [{ id: gone }] });
        expect(cell(host.grid, gone, 'annual').get()).toBe(7);
      } else {
        expect(r).toMatchObject({ status: 'written', orphaned: [{ id: gone }] });
        if (r.status !== 'written') continue;
        expect(r.keptSheets).toContain(`${SHEET.main}_旧`);
        expect(host.grid.sheets.map((s) => s.name)).toContain(`${SHEET.main}_旧`);
      }
    }
  });
});

describe('check and print', () => {
  test('judges at the as-of date and writes 状态 and 汇总 back; write: false leaves the workbook alone', async () => {
    const host = await generated();
    cell(host.grid, ids[0], 'h1').set(0);
    const before = JSON.stringify(host.grid);
    const dry = await runCheck(host, `${YEAR}-07-15`, { write: false });
    expect(JSON.stringify(host.grid)).toBe(before);
    const r = await runCheck(host, `${YEAR}-07-15`);
    expect(r.judgements.map((j) => j.id)).toEqual(ids);
    expect(r.judgements).toEqual(dry.judgements);
    for (const j of r.judgements.slice(0, 3)) expect(cell(host.grid, j.id, 'status').get()).toBe(statusText(j.status));
    expect(r.counts.missing).toBeGreaterThan(0);
    expect(host.grid.sheets.map((s) => s.name)).toContain(SHEET.summary);
    expect(r.printNotApplied).toBeUndefined();
    expect(host.print.size).toBe(0);
  });

  test('print also sets up every tracking sheet present, with the 截至 date in the header', async () => {
    const host = await generated();
    const r = await runPrint(host, `${YEAR}-12-31`);
    expect(r.printNotApplied).toEqual([]);
    expect([...host.print.keys()].sort()).toEqual([SHEET.main, SHEET.targets, SHEET.summary].sort());
    expect(host.print.get(SHEET.main)!.header).toContain(`${YEAR}年12月31日`);
  });
});

describe('consolidate', () => {
  const ROUND = `${YEAR}年上半年`;
  const unit = seed.items[0].leadUnits[0];
  const id = seed.items[0].indicators[0].id;

  function returnOf(h1: number): ReturnInput {
    const opts = { ...planIdentity(seed), round: ROUND, createdAt: `${YEAR}-06-20 10:00:00` };
    const grid = layoutGrid(buildReturnLayout(seed, unit, opts));
    const rows = grid.sheets.find((s) => s.name === RETURN_SHEET)!.rows;
    const row = rows.find((r) => r[RETURN_COL.id - 1] === id)!;
    while (row.length < RETURN_COL.h1) row.push(null);
    row[RETURN_COL.h1 - 1] = h1;
    return { file: `${unit}.xlsx`, grid };
  }

  test('merges a return, logs it and checks the merged figures at the round date, in one write', async () => {
    const host = await generated();
    const time = `${YEAR}-07-05 09:30:00`;
    const preview = await runConsolidate(host, async () => [returnOf(12)], { time, write: false });
    expect(host.writes).toBe(1);
    expect(preview.report.applied).toBe(1);
    const r = await runConsolidate(host, async () => [returnOf(12)], { time });
    expect(host.writes).toBe(2);
    expect(r.report.applied).toBe(1);
    expect(cell(host.grid, id, 'h1').get()).toBe(12);
    expect(host.grid.sheets.map((s) => s.name)).toContain(LOG_SHEET);
    expect(r.check.asOf).toBe(`${YEAR}-06-30`);
    const j = r.check.judgements.find((x) => x.id === id)!;
    expect(cell(host.grid, id, 'status').get()).toBe(statusText(j.status));
  });

  test('a workbook that is no master fails before any return is read', async () => {
    const host = new FakeHost({ sheets: [{ name: 'Sheet1', state: 'visible', rows: [['hello']] }] });
    const returns = jest.fn(async () => [returnOf(1)]);
    await expect(runConsolidate(host, returns, { time: `${YEAR}-07-05 09:30:00` })).rejects.toThrow();
    expect(returns).not.toHaveBeenCalled();
    expect(host.writes).toBe(0);
  });
});
