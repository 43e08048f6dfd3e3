// The plan metadata of a tracking workbook, from its hidden sheet (_tuijin): plan id and hash, year, title.
import type { CellValue, WorkbookGrid } from '../layout/types';
import { InputError } from '../model';
import { cellText } from '../text';
import { META_FORMAT, SHEET } from './sheet';

/** Plan metadata from the hidden sheet; fields are null when the sheet or the field is missing. */
export interface TrackingMetaRead {
  planId: string | null;
  planHash: string | null;
  year: number | null;
  title: string | null;
  schemaVersion: number | null;
  toolVersion: string | null;
}

/** Reads the hidden sheet; throws InputError when it is there but isn't Tuijin's. */
export function readMeta(grid: WorkbookGrid): TrackingMetaRead {
  const sheet = grid.sheets.find((s) => s.name === SHEET.meta);
  const map = new Map<string, CellValue>();
  for (const row of sheet?.rows ?? []) if (row && cellText(row[0])) map.set(cellText(row[0]), row[1] ?? null);
  const str = (k: string) => (map.has(k) && cellText(map.get(k)) !== '' ? cellText(map.get(k)) : null);
  const num = (k: string) => {
    const s = str(k);
    return s !== null && Number.isFinite(Number(s)) ? Number(s) : null;
  };
  if (sheet && str('format') !== null && str('format') !== META_FORMAT) {
    throw new InputError(
      `hidden sheet ${SHEET.meta} is not Tuijin metadata`,
      `sheet ${SHEET.meta}`,
      '隐藏的计划信息表已被改动，无法识别',
    );
  }
  return {
    planId: str('planId'),
    planHash: str('planHash'),
    year: num('year'),
    title: str('title'),
    schemaVersion: num('schemaVersion'),
    toolVersion: str('toolVersion'),
  };
}
