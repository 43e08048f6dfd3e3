// A plan from the file it came in: text, a Word document (.docx), or a workbook (.xlsx, merged cells included).
// The core reads text and Word's XML; this unpacks the packages (zip guard first, real sizes counted).
import JSZip from 'jszip';
import type { CellValue, Range } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { planFromGrid } from '../../core/plan/grid';
import { inFile, planFromDocxXml, readPlanBytes, type DocxParts, type PlanRead } from '../../core/plan/sources';
import { isHeaderRow } from '../../core/plan/sources/header';
import { SHEET } from '../../core/tracking/sheet';
import { UnpackBudget } from './grid';
import { loadWorkbook, plainValue } from './read';

export type { PlanRead } from '../../core/plan/sources';

const utf8 = new TextDecoder('utf-8');

/** Reads a plan from a file's bytes; `name` (the file's name) is named in every message. */
export async function readPlanFile(bytes: Uint8Array, name: string): Promise<PlanRead> {
  const read = readPlanBytes(bytes, name);
  if ('plan' in read) return read;
  if (read.kind === 'docx') {
    const { xml, parts } = await docxParts(bytes, name);
    return { plan: planFromDocxXml(xml, name, parts), notes: [] };
  }
  return planFromWorkbook(bytes, name);
}

/** The main document part of a .docx (word/document.xml, or where the package's relationships point), and the
 *  numbering and styles parts that give its automatic list numbers. */
async function docxParts(bytes: Uint8Array, name: string): Promise<{ xml: string; parts: DocxParts }> {
  const bad = (why: string) => {
    const zh = '这不是有效的 Word 文件（.docx），无法读取。请在 Word 中打开后重新另存为 .docx';
    return new InputError(`${zh} (${why})`, name, zh);
  };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw bad(e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e));
  }
  const budget = new UnpackBudget(name);
  const entry = (p: string) =>
    zip.file(p) ?? zip.file(Object.keys(zip.files).find((k) => k.toLowerCase() === p.toLowerCase()) ?? '');
  const textOf = async (p: string) => {
    const f = entry(p);
    return f ? utf8.decode(await budget.inflate(f)) : null;
  };
  try {
    const target = (rels: string, type: string) => {
      const rel = new RegExp(`<Relationship\\b[^>]*Type="[^"]*/${type}"[^>]*>`).exec(rels)?.[0];
      return rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
    };
    const mainPath = (target((await textOf('_rels/.rels')) ?? '', 'officeDocument') ?? 'word/document.xml').replace(
      /^\//,
      '',
    );
    const xml = (await textOf(mainPath)) ?? (await textOf('word/document.xml'));
    if (xml === null) throw bad('no main document part');
    // Parts named relative to the main part's folder (word/).
    const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
    const rels = (await textOf(`${dir}_rels/${mainPath.slice(dir.length)}.rels`)) ?? '';
    const part = async (type: string, fallback: string) => {
      const t = target(rels, type);
      return (await textOf(t ? (t.startsWith('/') ? t.slice(1) : dir + t) : fallback)) ?? undefined;
    };
    return {
      xml,
      parts: {
        numbering: await part('numbering', 'word/numbering.xml'),
        styles: await part('styles', 'word/styles.xml'),
      },
    };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e));
  }
}

/** Largest sheet read for a plan: plans have tens of rows; the bound keeps a hostile sheet from costing memory. */
const MAX_ROWS = 5000;
const MAX_COLS = 60;

/** The plan in a workbook: the first sheet (visible ones first) whose rows hold a plan table's header. */
async function planFromWorkbook(bytes: Uint8Array, name: string): Promise<PlanRead> {
  const wb = await loadWorkbook(bytes, name);
  if (wb.getWorksheet(SHEET.meta)) {
    const zh =
      '这是本工具生成的推进表，不是计划表。校验、填报请在“校验”“填报”中打开它；要重新生成，请使用原来的计划文件';
    throw new InputError(`${zh} (a tracking workbook, not a plan)`, name, zh);
  }
  const sheets = wb.worksheets.slice().sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  for (const ws of sheets) {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > MAX_ROWS) return;
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > MAX_COLS || (cell.isMerged && cell.master !== cell)) return;
        const v = plainValue(cell.value);
        if (v !== null && v !== '') out[c - 1] = v;
      });
      rows[r - 1] = out;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    if (!rows.some((r) => isHeaderRow(Array.from(r, (v) => (v === null || v === undefined ? '' : String(v))))))
      continue;
    const merges: Range[] = [];
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (m) merges.push({ c1: colNo(m[1]), r1: Number(m[2]), c2: colNo(m[3]), r2: Number(m[4]) });
    }
    const plan = inFile(name, () => planFromGrid(rows, { merges, where: (r) => `工作表“${ws.name}”第${r}行` }));
    const notes = wb.worksheets.length > 1 ? [`已读取工作表“${ws.name}”中的计划表`] : [];
    return { plan, notes };
  }
  const zh =
    '工作簿中没有找到计划表的表头（序号、事项名称、年度任务目标、上半年、下半年、牵头单位等）。请确认计划表在工作簿的某个工作表中，表头文字完整';
  throw new InputError(`${zh} (no plan table header in any sheet)`, name, zh);
}

function colNo(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return Math.min(n, MAX_COLS + 1);
}
