// The hidden sheet that says which plan, unit and round a return form belongs to.
// Kept in plain cells (key in A, value in B) so every spreadsheet program carries it through a save.
import type { CellValue, GridSheet, SheetLayout, WorkbookGrid } from '../layout/types';
import { sha256Hex } from '../hash';
import { SCHEMA_VERSION } from '../model';

export const RETURN_META_SHEET = 'tuijin_return';
export const RETURN_KIND = 'tuijin-return';

export interface ReturnMeta {
  planId: string;
  planHash: string;
  year: number;
  unit: string;
  round: string;
  /** The indicator ids the form was made with, in sheet order. */
  ids: string[];
  schemaVersion: number;
  /** Seals the fields above; a changed unit, round or id list no longer matches it. */
  checksum: string;
}

export function returnChecksum(m: Omit<ReturnMeta, 'checksum' | 'schemaVersion'>): string {
  return sha256Hex([RETURN_KIND, m.planId, m.planHash, String(m.year), m.unit, m.round, m.ids.join(',')].join('\n'));
}

export function makeReturnMeta(m: Omit<ReturnMeta, 'checksum' | 'schemaVersion'>): ReturnMeta {
  return { ...m, schemaVersion: SCHEMA_VERSION, checksum: returnChecksum(m) };
}

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
  const cells = KEYS.flatMap(([key, label], i) => [
    { r: i + 1, c: 1, value: key },
    { r: i + 1, c: 2, value: values[key], style: 'ret.text' },
    { r: i + 1, c: 3, value: label },
  ]);
  cells.push({ r: KEYS.length + 1, c: 1, value: 'createdAt' }, { r: KEYS.length + 1, c: 2, value: createdAt, style: 'ret.text' });
  return {
    name: RETURN_META_SHEET,
    state: 'hidden',
    columnWidths: [16, 60, 12],
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
  const year = Number(kv.get('year'));
  const meta: ReturnMeta = {
    planId: kv.get('planId')!,
    planHash: kv.get('planHash')!,
    year,
    unit: kv.get('unit')!,
    round: kv.get('round')!,
    ids: kv.get('ids')!.split(',').map((s) => s.trim()).filter(Boolean),
    schemaVersion: Number(kv.get('schemaVersion') ?? 0),
    checksum: kv.get('checksum')!,
  };
  if (!Number.isInteger(year)) return { ok: false, reason: '填报信息中的年度无效' };
  if (returnChecksum(meta) !== meta.checksum) return { ok: false, reason: '填报信息已被改动（校验不符）' };
  return { ok: true, meta };
}
