// File mode: the core's jobs (src/core/jobs) on .xlsx bytes in the page, through the file host.
// Loaded on the first file job, with ExcelJS; nothing here decides anything the core doesn't.
import './zodConfig';
import { seedText } from './seed';
import { parsePlan } from '../../../core/plan/parse';
import { isIsoDate } from '../../../core/judge';
import { countsText } from '../../../core/status';
import type { WorkbookGrid } from '../../../core/layout/types';
import { readTracking } from '../../../core/tracking/read';
import { runCheck, runPrint } from '../../../core/jobs/check';
import { runGenerate } from '../../../core/jobs/generate';
import { runConsolidate } from '../../../core/jobs/consolidate';
import { defaultRound, returnSourceFromPlan, type ReturnSource } from '../../../core/returns/source';
import { readWorkbookGrid } from '../../../adapters/exceljs/read';
import { XlsxHost } from '../../../adapters/exceljs/host';
import { returnSourceFromWorkbook, writeReturnForms } from '../../../adapters/exceljs/returns';
import { naming, readReturnFiles } from '../../../adapters/exceljs/consolidate';
import { readPlanFile, type PlanRead } from '../../../adapters/exceljs/planFile';
import { PaneError } from '../errors';
import { checkViewOf, consolidationViewOf, reviewOf } from './review';
import type { BookInfo, FileIn, FileJobs, FileOut, PlanSource, Progress } from './types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

declare const TUIJIN_VERSION: string;

/** Lets the page paint the progress note before a long synchronous step. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const baseName = (name: string) => name.replace(/\.xlsx$/i, '');

async function planOf(source: PlanSource): Promise<PlanRead> {
  if (source.kind === 'sheet') throw new PaneError('文件模式下无法读取工作表，请打开计划文件或粘贴计划文本。');
  if (source.kind === 'file') return readPlanFile(source.file.bytes, source.file.name);
  return { plan: parsePlan(source.kind === 'text' ? source.text : seedText), notes: [] };
}

/** A workbook's values read once per opened file: later jobs on the same file reuse them. */
const opened = new WeakMap<FileIn, Promise<WorkbookGrid>>();

function readBook(book: FileIn): Promise<WorkbookGrid> {
  let read = opened.get(book);
  if (!read) {
    read = readWorkbookGrid(book.bytes, book.name);
    opened.set(book, read);
    // A failed read must not stick: the user may fix the file and pick it again.
    read.catch(() => opened.delete(book));
  }
  return read;
}

function checkDate(asOf: string): void {
  if (!isIsoDate(asOf)) throw new PaneError('截至日期无效，请选择一个日期。');
}

/** The check (or print) job on a copy of the book; the copy comes back as a download. */
async function annotate(book: FileIn, asOf: string, progress: Progress, print: boolean) {
  checkDate(asOf);
  progress('正在读取工作簿…', 0.1);
  await breathe();
  const host = new XlsxHost(book.bytes, book.name, { grid: readBook(book) });
  await host.listSheets();
  progress('正在校验…', 0.5);
  await breathe();
  // The file keeps the page setup it was generated with (printNotApplied); the print headers get the date.
  const { read, judgements, bulletin } = await (print ? runPrint(host, asOf) : runCheck(host, asOf));
  progress('完成', 1);
  const suffix = print ? '打印版' : '校验';
  const file: FileOut = { fileName: `${baseName(book.name)}-${suffix}${asOf}.xlsx`, bytes: host.bytes!, mime: XLSX };
  return { read, judgements, bulletin, file };
}

async function zip(files: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const z = new JSZip();
  for (const f of files) z.file(f.name, f.bytes);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const fileJobs: FileJobs = {
  async reviewPlan(source) {
    const { plan, notes } = await planOf(source);
    return reviewOf(plan, notes);
  },

  async generate(source, progress) {
    progress('正在生成推进表…', 0.2);
    await breathe();
    const { plan } = await planOf(source);
    // A new file: nothing to replace or carry.
    const host = new XlsxHost(null);
    await runGenerate(host, plan, { toolVersion: TUIJIN_VERSION });
    progress('完成', 1);
    return { fileName: `${plan.year}年重要事项推进计划表.xlsx`, bytes: host.bytes!, mime: XLSX };
  },

  async openBook(book): Promise<BookInfo> {
    const read = readTracking(await readBook(book));
    return {
      title: read.meta.title ?? baseName(book.name),
      year: read.meta.year ?? new Date().getFullYear(),
      indicators: read.indicators.length,
    };
  },

  async check(book, asOf, progress) {
    const { read, judgements, bulletin, file } = await annotate(book, asOf, progress, false);
    return { view: checkViewOf(read, judgements, bulletin, asOf), annotated: file };
  },

  async printCopy(book, asOf, progress) {
    const { file, bulletin } = await annotate(book, asOf, progress, true);
    return { file, bulletin };
  },

  async returnForms(from, progress) {
    progress('正在读取计划…', 0.05);
    await breathe();
    const source: ReturnSource = from
      ? await returnSourceFromWorkbook(from.bytes, from.name)
      : returnSourceFromPlan((await planOf({ kind: 'seed' })).plan);
    const now = stamp();
    const round = defaultRound(source.plan.year, now.slice(0, 10));
    progress('正在生成各单位填报表…', 0.3);
    await breathe();
    const forms = await writeReturnForms(source, { round, createdAt: now });
    if (forms.length === 0) throw new PaneError('计划中没有牵头单位，无法生成填报表。');
    progress('正在打包…', 0.8);
    const bytes = await zip(forms.map((f) => ({ name: f.fileName, bytes: f.data })));
    progress('完成', 1);
    return {
      fileName: `${source.plan.year}年重要事项进展填报表（${forms.length}个单位）.zip`,
      bytes,
      mime: 'application/zip',
    };
  },

  async consolidate(master, returns, progress, asOf) {
    if (asOf !== undefined) checkDate(asOf);
    progress('正在读取总表和填报表…', 0.1);
    await breathe();
    const now = stamp();
    const host = new XlsxHost(master.bytes, master.name, {
      progress: (note, f) => progress(`正在${note}…`, 0.1 + 0.8 * (f ?? 0)),
    });
    // Master first, then the returns; then the same check as the CLI and the add-in, so 状态, 说明 and 汇总
    // match the figures just applied.
    const read = () => readReturnFiles(returns.map((r) => ({ file: r.name, data: r.bytes })));
    const result = await runConsolidate(host, read, { time: now, asOf }).catch((e) => {
      throw naming(e, master.name);
    });
    const bytes = host.bytes!;
    progress('完成', 1);
    const report = consolidationViewOf(result.report);
    const c = result.check.counts;
    const message = `已按截至 ${result.check.asOf} 重新校验：${countsText(c, ['shortfall', 'at-risk', 'met'])}。`;
    return {
      report,
      message,
      merged: { fileName: `${baseName(master.name)}-汇总${now.slice(0, 10)}.xlsx`, bytes, mime: XLSX },
    };
  },
};
