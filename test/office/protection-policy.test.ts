// One protection policy (core/layout/protection.ts), written by all three writers: ExcelJS's model, the in-place
// sheet XML and Office.js. A protected tracking sheet still lets people resize, sort and filter.
import JSZip from 'jszip';
import { harness } from './harness';
import { seedPlan } from './fixtures';
import { Batch, queueLayout } from '../../src/adapters/office/render';
import { writeWorkbook } from '../../src/adapters/exceljs';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { sheetProtectionXml } from '../../src/core/layout/protection';
import { SHEET } from '../../src/core/tracking/sheet';

const ALLOWED = ['formatColumns', 'formatRows', 'sort', 'autoFilter'];

test('the file adapter: <sheetProtection> leaves resizing, sorting and filtering allowed (attribute 0)', async () => {
  const layout = buildTrackingLayout(seedPlan());
  const zip = await JSZip.loadAsync(await writeWorkbook(layout));
  const main = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const el = /<sheetProtection\b[^>]*>/.exec(main)![0];
  for (const k of ALLOWED) expect(el).toMatch(new RegExp(`\\b${k}="(0|false)"`));
  // The in-place writer's element says the same.
  for (const k of ALLOWED) expect(sheetProtectionXml()).toContain(` ${k}="0"`);
  expect(sheetProtectionXml()).toMatch(/^<sheetProtection sheet="1"/);
});

test('Office.js: protect() with the same actions allowed', async () => {
  const h = harness();
  const b = new Batch(h.ctx, h.caps);
  await queueLayout(b, buildTrackingLayout(seedPlan()), []);
  await b.finish();
  expect(h.mock.sheet(SHEET.main).protectOptions).toEqual({
    allowAutoFilter: true,
    allowSort: true,
    allowFormatColumns: true,
    allowFormatRows: true,
    selectionMode: 'Normal',
  });
});
