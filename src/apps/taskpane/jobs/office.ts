/// <reference types="office-js" />
// Office mode: the core's jobs (src/core/jobs) on the open workbook, run by the Office.js adapter on its host.
// Loaded on the first job; the adapter keeps the sync counts, the core decides everything.
import './zodConfig';
import { seedText } from './seed';
import type { Plan } from '../../../core/model';
import { parsePlan } from '../../../core/plan/parse';
import { isIsoDate } from '../../../core/judge';
import { countsText } from '../../../core/status';
import { SHEET } from '../../../core/tracking/sheet';
import { defaultRound, returnSourceFromTracking } from '../../../core/returns/source';
import type { ReturnInput } from '../../../core/consolidate/consolidate';
import {
  applyConsolidation,
  checkTracking,
  detectCaps,
  isMac,
  existingTrackingSheets,
  generateTracking,
  openAsNewWorkbook,
  preparePrint,
  readActiveSheet,
  previewConsolidation,
  readTrackingWorkbook,
  selectIndicator,
  startLiveValidation,
  stopLiveValidation,
} from '../../../adapters/office';
import { PaneError } from '../errors';
import type { FileOut, OfficeJobs, PlanSource } from './types';
import { planFromGrid } from '../../../core/plan/grid';
import { checkViewOf, consolidationViewOf, reviewOf } from './review';

declare const TUIJIN_VERSION: string;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Waits while the user is typing in a cell instead of failing (RunOptions.delayForCellEdit, ExcelApi 1.11).
const run = <T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
  Excel.run({ delayForCellEdit: true }, fn);

/** Office's display language, for the sentences the adapter words. */
function lang(): 'zh' | 'en' {
  try {
    return /^en/i.test(Office.context.displayLanguage) ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function checkDate(asOf: string): void {
  if (!isIsoDate(asOf)) throw new PaneError('截至日期无效，请选择一个日期。');
}

async function planOf(source: PlanSource): Promise<Plan> {
  return (await planRead(source)).plan;
}

/** The plan and, for a file, notes on how it was read. */
async function planRead(source: PlanSource): Promise<{ plan: Plan; notes: string[] }> {
  if (source.kind === 'file') {
    // A .docx or .xlsx plan needs the zip reader and ExcelJS: loaded only when a file is opened.
    const { readPlanFile } = await import(/* webpackChunkName: "plan-file" */ '../../../adapters/exceljs/planFile');
    return readPlanFile(source.file.bytes, source.file.name);
  }
  return { plan: await planOfHost(source), notes: [] };
}

async function planOfHost(source: PlanSource): Promise<Plan> {
  if (source.kind === 'text') return parsePlan(source.text);
  if (source.kind === 'seed') return parsePlan(seedText);
  const sheet = await run((context) => readActiveSheet(context));
  return planFromGrid(sheet.rows);
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Live validation as the user wants it (null: off). */
let live: { asOf: () => string; onError: (message: string) => void; lang: 'zh' | 'en' } | null = null;

/** What live validation does to protection and undo, said plainly (README "Live validation and undo"). */
export function liveNote(undoGroups: boolean, language: 'zh' | 'en'): string {
  if (language === 'en')
    return (
      'While this is on, the tracking sheet is left unprotected; it is protected again when you turn it off. ' +
      (undoGroups
        ? 'Ctrl+Z undoes a figure together with the status written for it.'
        : 'In this version of Excel every automatic check clears the undo history (Ctrl+Z can’t undo earlier typing); turn this off when you need Ctrl+Z.')
    );
  return (
    '开启期间，推进计划表暂不加工作表保护，关闭后恢复保护。' +
    (undoGroups
      ? '按 Ctrl+Z 会把刚输入的数字和随之写入的状态一起撤消。'
      : '此版本的 Excel 中，每次自动校验写入都会清空撤消记录（Ctrl+Z 无法再撤消之前的输入）；需要撤消时请先关闭此开关。')
  );
}

/** The returns read for the last preview, applied as they were shown. */
let previewed: ReturnInput[] | null = null;

export const officeJobs: OfficeJobs = {
  async reviewPlan(source) {
    const { plan, notes } = await planRead(source);
    return reviewOf(plan, notes);
  },

  async hasTracking() {
    return (await run((context) => existingTrackingSheets(context))).length > 0;
  },

  async generate(source, progress) {
    progress('正在读取计划…', 0.1);
    const plan = await planOf(source);
    progress('正在写入工作簿…', 0.4);
    // The pane asked before replacing (hasTracking), so replacing is agreed here.
    const r = await run((context) => generateTracking(context, plan, { replace: true, toolVersion: TUIJIN_VERSION }));
    if (r.status !== 'written') throw new PaneError('工作簿中已有推进表，未写入。');
    // The main sheet was replaced: watch the new one.
    if (live) await startLiveValidation(live);
    const parts = [`已生成推进表：${r.indicators} 个指标。`];
    if (r.kept) parts.push(`已按指标编号保留 ${r.kept} 个指标的已填数字。`);
    if (r.orphaned.length)
      parts.push(`${r.orphaned.length} 个指标在新计划中已不存在，原表已保留为“${r.keptSheets.join('、')}”。`);
    return parts.join('');
  },

  async check(asOf, progress) {
    checkDate(asOf);
    progress('正在校验…', 0.3);
    const r = await run((context) => checkTracking(context, asOf));
    return checkViewOf(r.read, r.judgements, r.bulletin, asOf);
  },

  async selectIndicator(id) {
    const found = await run((context) => selectIndicator(context, id));
    if (!found) throw new PaneError(`工作表中找不到指标 ${id}，请重新校验。`);
  },

  async setLiveValidation(on, asOf, onError) {
    live = on ? { asOf, onError, lang: lang() } : null;
    if (!on) {
      await stopLiveValidation();
      return null;
    }
    const note = liveNote(detectCaps().undoGroups, lang());
    // Nothing to watch before the tracking sheets exist; generate starts it then.
    if (!(await run((context) => existingTrackingSheets(context))).includes(SHEET.main)) return note;
    await startLiveValidation(live!);
    return note;
  },

  async returnForms(progress) {
    progress('正在读取推进表…', 0.1);
    const wb = await run((context) => readTrackingWorkbook(context));
    const source = returnSourceFromTracking(wb.grid);
    const now = stamp();
    progress('正在生成各单位填报表…', 0.4);
    // ExcelJS only when forms are made: writing the open workbook doesn't need it.
    const { writeReturnForms } = await import(
      /* webpackChunkName: "exceljs-returns" */ '../../../adapters/exceljs/returns'
    );
    const forms = await writeReturnForms(source, {
      round: defaultRound(source.plan.year, now.slice(0, 10)),
      createdAt: now,
    });
    if (forms.length === 0) throw new PaneError('计划中没有牵头单位，无法生成填报表。');
    progress('正在打包…', 0.8);
    const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
    const z = new JSZip();
    for (const f of forms) z.file(f.fileName, f.data);
    const zip: FileOut = {
      fileName: `${source.plan.year}年重要事项进展填报表（${forms.length}个单位）.zip`,
      bytes: await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
      mime: 'application/zip',
    };
    return {
      zip,
      forms: forms.map((f) => ({ unit: f.unit, fileName: f.fileName, bytes: f.data, mime: XLSX })),
      canOpen: typeof Excel.createWorkbook === 'function',
      // Excel for Mac ignores downloads from the pane (office-js #3385, #4681): open each form and save it.
      canDownload: !isMac(),
    };
  },

  async openInExcel(file) {
    if (!(await openAsNewWorkbook(base64(file.bytes))))
      throw new PaneError('此版本的 Excel 不能直接新建工作簿，请在浏览器中打开本页下载。');
  },

  async previewConsolidation(returns, progress) {
    progress('正在读取填报表…', 0.2);
    const { readReturnFiles } = await import(
      /* webpackChunkName: "exceljs-consolidate" */ '../../../adapters/exceljs/consolidate'
    );
    const inputs = await readReturnFiles(returns.map((f) => ({ file: f.name, data: f.bytes })));
    progress('正在比对…', 0.6);
    const r = await run((context) => previewConsolidation(context, inputs, { time: stamp() }));
    previewed = inputs;
    return consolidationViewOf(r.report);
  },

  async applyConsolidation(asOf, progress) {
    if (!previewed) throw new PaneError('请先汇总并查看报告，再确认写入。');
    checkDate(asOf);
    progress('正在写入工作簿…', 0.4);
    const inputs = previewed;
    const r = await run((context) => applyConsolidation(context, inputs, { time: stamp(), asOf }));
    previewed = null;
    const parts = [`已写入 ${r.report.applied} 个数字，变动已记入“日志”工作表。`];
    if (r.check) {
      const c = r.check.counts;
      parts.push(`已按截至 ${asOf} 重新校验：${countsText(c, ['shortfall', 'at-risk', 'met'])}。`);
    }
    return { report: consolidationViewOf(r.report), message: parts.join('') };
  },

  async print(asOf, progress) {
    checkDate(asOf);
    progress('正在刷新汇总并设置打印格式…', 0.3);
    const r = await run((context) => preparePrint(context, asOf));
    const missed = r.fitNotApplied ?? [];
    const note = missed.length
      ? `已刷新汇总并设置打印格式（横向、每页重复表头、页码）。但 Excel 没有接受“${missed.join('、')}”的“调整为 1 页宽”（Excel 的已知问题）：打印前请在“页面布局”选项卡把“宽度”设为“1 页”。`
      : '已刷新汇总并设置打印格式（横向、每页重复表头、页码）。';
    return { bulletin: r.bulletin, note };
  },
};
