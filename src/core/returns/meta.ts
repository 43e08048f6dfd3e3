// The hidden sheet that says which plan, unit and round a return form belongs to.
// Kept in plain cells (key in A, value in B) so every spreadsheet program carries it through a save.
import type { CellValue, GridSheet, LayoutCell, SheetLayout, WorkbookGrid } from '../layout/types';
import { sha256Hex } from '../hash';
import { SCHEMA_VERSION } from '../model';

export const RETURN_META_SHEET = 'tuijin_return';
const RETURN_KIND = 'tuijin-return';

/** One entry row of the form as made: where it is, which indicator, and the 指标 text it shows. */
export interface ReturnRowBinding {
  /** 1-based row in the entry sheet. */
  row: number;
  id: string;
  label: string;
}

export interface ReturnMeta {
  planId: string;
  planHash: string;
  year: number;
  unit: string;
  round: string;
  /** The indicator ids the form was made with, in sheet order. */
  ids: string[];
  /**
   * Each entry row's id bound to its row and label (forms since row binding). Absent in older forms,
   * whose sealed id list still fixes the order (rows follow the header one after another).
   */
  rows?: ReturnRowBinding[];
  schemaVersion: number;
  /** Seals the fields above; a changed unit, round, id list or row binding no longer matches it. */
  checksum: string;
}

/** Labels compared without their white space: another program may re-wrap a cell's text. */
export const labelKey = (label: string): string => label.replace(/\s+/g, '');

export function returnChecksum(m: Omit<ReturnMeta, 'checksum' | 'schemaVersion'>): string {
  const parts = [RETURN_KIND, m.planId, m.planHash, String(m.year), m.unit, m.round, m.ids.join(',')];
  // Older forms sealed the fields without rows; their checksum stays what it was.
  if (m.rows) parts.push('rows', ...m.rows.map((r) => `${r.row}|${r.id}|${labelKey(r.label)}`));
  return sha256Hex(parts.join('\n'));
}

export function makeReturnMeta(m: Omit<ReturnMeta, 'checksum' | 'schemaVersion'>): ReturnMeta {
  return { ...m, schemaVersion: SCHEMA_VERSION, checksum: returnChecksum(m) };
}

/** Header of the row-binding table, in columns E:G of the hidden sheet (A:C hold the key/value pairs). */
const ROW_BINDING_HEADER = ['行号', '指标编号', '指标'] as const;
const BINDING_COL = 4; // 0-based column E

const KEYS: [keyof ReturnMeta | 'kind', string][] = [
  ['kind', '类型'],
  ['schemaVersion', '格式版本'],
  ['planId', '计划标识'],
  ['planHash', '计划校验'],
  ['year', '年度'],
  ['unit', '填报单位'],
  ['round', '轮次'],
  ['ids', '指标编号'],
  ['checksum', '表单校验'],
];

export function returnMetaSheet(meta: ReturnMeta, createdAt: string): SheetLayout {
  const values: Record<string, CellValue> = {
    kind: RETURN_KIND,
    schemaVersion: meta.schemaVersion,
    planId: meta.planId,
    planHash: meta.planHash,
    year: meta.year,
    unit: meta.unit,
    round: meta.round,
    ids: meta.ids.join(','),
    checksum: meta.checksum,
  };
  const cells: LayoutCell[] = KEYS.flatMap(([key, label], i): LayoutCell[] => [
    { r: i + 1, c: 1, value: key },
    { r: i + 1, c: 2, value: values[key], style: 'ret.text' },
    { r: i + 1, c: 3, value: label },
  ]);
  cells.push(
    { r: KEYS.length + 1, c: 1, value: 'createdAt' },
    { r: KEYS.length + 1, c: 2, value: createdAt, style: 'ret.text' },
  );
  if (meta.rows) {
    ROW_BINDING_HEADER.forEach((h, i) => cells.push({ r: 1, c: BINDING_COL + 1 + i, value: h }));
    meta.rows.forEach((b, i) => {
      cells.push(
        { r: i + 2, c: BINDING_COL + 1, value: b.row },
        { r: i + 2, c: BINDING_COL + 2, value: b.id, style: 'ret.text' },
        { r: i + 2, c: BINDING_COL + 3, value: b.label, style: 'ret.text' },
      );
    });
    cells.sort((a, b) => a.r - b.r || a.c - b.c);
  }
  return {
    name: RETURN_META_SHEET,
    state: 'hidden',
    columnWidths: [16, 60, 12, 4, 8, 10, 40],
    rowHeights: {},
    cells,
    merges: [],
    protect: true,
    validations: [],
  };
}

export type MetaRead = { ok: true; meta: ReturnMeta } | { ok: false; reason: string };

function str(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

export function findSheet(grid: WorkbookGrid, name: string): GridSheet | undefined {
  return grid.sheets.find((s) => s.name === name);
}

/** Reads the hidden sheet back; says in Chinese what is missing when it can't. */
export function readReturnMeta(grid: WorkbookGrid): MetaRead {
  const sheet = findSheet(grid, RETURN_META_SHEET);
  if (!sheet) return { ok: false, reason: '不是推进表填报表（缺少隐藏的填报信息表）' };
  const kv = new Map<string, string>();
  for (const row of sheet.rows) if (row && str(row[0])) kv.set(str(row[0]), str(row[1]));
  if (kv.get('kind') !== RETURN_KIND) return { ok: false, reason: '不是推进表填报表（填报信息类型不符）' };
  for (const k of ['planId', 'planHash', 'year', 'unit', 'round', 'ids', 'checksum']) {
    if (!kv.has(k)) return { ok: false, reason: `填报信息缺少“${k}”` };
  }
  // The row-binding table, when the form has one (its header in E1).
  let rows: ReturnRowBinding[] | undefined;
  const head = sheet.rows[0] ?? [];
  if (ROW_BINDING_HEADER.every((h, i) => str(head[BINDING_COL + i]) === h)) {
    rows = [];
    for (let r = 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      const at = str(row[BINDING_COL]);
      if (!at) continue;
      const n = Number(at);
      if (!Number.isInteger(n) || n < 1) return { ok: false, reason: '填报信息已被改动（行号无效）' };
      rows.push({ row: n, id: str(row[BINDING_COL + 1]), label: str(row[BINDING_COL + 2]) });
    }
  }
  const year = Number(kv.get('year'));
  const meta: ReturnMeta = {
    planId: kv.get('planId')!,
    planHash: kv.get('planHash')!,
    year,
    unit: kv.get('unit')!,
    round: kv.get('round')!,
    ids: kv
      .get('ids')!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(rows ? { rows } : {}),
    schemaVersion: Number(kv.get('schemaVersion') ?? 0),
    checksum: kv.get('checksum')!,
  };
  if (!Number.isInteger(year)) return { ok: false, reason: '填报信息中的年度无效' };
  if (returnChecksum(meta) !== meta.checksum) return { ok: false, reason: '填报信息已被改动（校验不符）' };
  return { ok: true, meta };
}
