// Shared fixtures for the consolidation tests: the seed plan, its master workbook, its return forms,
// and returns filled in by openpyxl (another program than ours).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Plan } from '../../src/core/model';
import type { CellValue, WorkbookGrid } from '../../src/core/layout/types';
import { parsePlan } from '../../src/core/plan/parse';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import { writeWorkbook } from '../../src/adapters/exceljs/render';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { writeReturnForms, type ReturnForm } from '../../src/adapters/exceljs/returns';

export const ROUND = '2023年上半年';
export const SEED = path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt');
export const PYTHON = '/usr/bin/python3';

export function seedPlan(): Plan {
  return parsePlan(fs.readFileSync(SEED, 'utf8'));
}

export async function masterOf(plan: Plan): Promise<Uint8Array> {
  return writeWorkbook(buildTrackingLayout(plan, { toolVersion: 'test' }));
}

export async function formsOf(plan: Plan, round = ROUND): Promise<Map<string, ReturnForm>> {
  const forms = await writeReturnForms(returnSourceFromPlan(plan), { round, createdAt: '2023-06-20 10:00:00' });
  return new Map(forms.map((f) => [f.unit, f]));
}

export function tmpDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tuijin-${tag}-`));
}

export interface FillJob {
  values?: Record<string, { h1?: CellValue; annual?: CellValue; progress?: string }>;
  reporter?: string;
  phone?: string;
  renameId?: [string, string];
  meta?: Record<string, string>;
  reverseRows?: boolean;
}

/** Fills a form with openpyxl and returns the saved bytes. */
export function fillWithOpenpyxl(form: Uint8Array, job: FillJob, dir: string): Uint8Array {
  const src = path.join(dir, `src-${Math.random().toString(36).slice(2)}.xlsx`);
  const dst = src.replace('src-', 'dst-');
  fs.writeFileSync(src, form);
  execFileSync(PYTHON, [path.join(__dirname, 'helpers/fill_return.py')], {
    input: JSON.stringify({ ...job, src, dst }),
  });
  return new Uint8Array(fs.readFileSync(dst));
}

export function sheetOf(grid: WorkbookGrid, name: string) {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 1-based cell value of a grid. */
export function cell(grid: WorkbookGrid, sheet: string, r: number, c: number): CellValue {
  return sheetOf(grid, sheet).rows[r - 1]?.[c - 1] ?? null;
}

export { readWorkbookGrid };
