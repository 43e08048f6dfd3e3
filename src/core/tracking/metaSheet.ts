// The hidden _tuijin sheet: plan metadata in cells (format marker, versions, plan identity, year, title).
import { type Plan, SCHEMA_VERSION } from '../model';
import type { CellValue, LayoutCell, SheetLayout } from '../layout/types';
import { fingerprintData } from '../hash';
import { META_FORMAT, SHEET } from './sheet';

/** Meta fields in the hidden sheet, in order (key in column A, value in column B). */
interface TrackingMeta {
  format: string;
  schemaVersion: number;
  toolVersion: string;
  planId: string;
  planHash: string;
  year: number;
  title: string;
}

/** Plan id (stable across target corrections: title and year) and plan hash (everything). */
export function planIdentity(plan: Plan): { planId: string; planHash: string } {
  return { planId: fingerprintData({ title: plan.title, year: plan.year }), planHash: fingerprintData(plan) };
}

export function metaSheet(plan: Plan, toolVersion: string | undefined): SheetLayout {
  const meta: TrackingMeta = {
    format: META_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    toolVersion: toolVersion ?? '',
    ...planIdentity(plan),
    year: plan.year,
    title: plan.title,
  };
  const cells: LayoutCell[] = [];
  Object.entries(meta).forEach(([k, v], i) => {
    cells.push({ r: i + 1, c: 1, value: k }, { r: i + 1, c: 2, value: v === '' ? null : (v as CellValue) });
  });
  return {
    name: SHEET.meta,
    state: 'hidden',
    columnWidths: [16, 70],
    rowHeights: {},
    cells,
    merges: [],
    protect: true,
    validations: [],
  };
}
