// Returns and master that went through LibreOffice (open + save as .xlsx) still consolidate.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readTracking } from '../../src/core/tracking/read';
import { readReturn } from '../../src/core/returns/read';
import { consolidateWorkbooks } from '../../src/adapters/exceljs/consolidate';
import { fillWithOpenpyxl, formsOf, masterOf, readWorkbookGrid, seedPlan, tmpDir } from './fixtures';

const dir = tmpDir('lo');

/** Opens and re-saves .xlsx files with LibreOffice headless (its own profile, so parallel runs don't clash). */
function resave(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const inDir = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  fs.mkdirSync(inDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const paths = Object.entries(files).map(([name, data]) => {
    const p = path.join(inDir, name);
    fs.writeFileSync(p, data);
    return p;
  });
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      ...paths,
    ],
    { stdio: 'pipe', timeout: 180000 },
  );
  return Object.fromEntries(
    Object.keys(files).map((name) => [name, new Uint8Array(fs.readFileSync(path.join(outDir, name)))]),
  );
}

test('a return filled by openpyxl and re-saved by LibreOffice merges into a LibreOffice-saved master', async () => {
  const plan = seedPlan();
  const forms = await formsOf(plan);
  const filled = fillWithOpenpyxl(
    forms.get('市妇联')!.data,
    {
      values: { '9.1': { h1: 11, annual: '20' }, '9.2': { h1: 320 }, '15.1': { h1: 2, progress: '=寒假、六一各一次' } },
      reporter: '李四',
    },
    dir,
  );
  const saved = resave({ 'master.xlsx': await masterOf(plan), 'fulian.xlsx': filled });
  const read = readReturn(await readWorkbookGrid(saved['fulian.xlsx']));
  expect(read.ok).toBe(true);
  // The row binding (行号, 指标编号, 指标) survives LibreOffice's save, so row identity is checked, not skipped.
  expect(read.ok && read.value.meta.rows?.length).toBe(forms.get('市妇联')!.indicators);
  const result = await consolidateWorkbooks(
    saved['master.xlsx'],
    [{ file: 'fulian.xlsx', data: saved['fulian.xlsx'] }],
    { time: '2023-07-01 08:00:00' },
  );
  expect(result.report.rejected).toEqual([]);
  const out = await result.master.apply(result.patch);
  const e = new Map(readTracking(await readWorkbookGrid(out)).entries.map((x) => [x.id, x]));
  expect(e.get('9.1')!.h1).toBe(11);
  expect(e.get('9.1')!.annual).toBe(20);
  expect(e.get('9.2')!.h1).toBe(320);
  expect(e.get('15.1')!.h1).toBe(2);
  expect(result.report.log.find((r) => r.id === '15.1' && r.field === '进展情况')!.new).toBe('=寒假、六一各一次');
  expect(result.report.log.find((r) => r.field === '报送')!.new).toBe('填报人：李四');
});
