// Row identity: each entry row of a return must still hold the indicator it was made for, at the row it was
// made at, beside the same 指标 text. A unit that unprotects its form (no password) and swaps, moves or
// relabels rows would otherwise put its figures on the wrong indicators without anyone seeing it.
import { colLetters } from '../layout/address';
import { labelKey } from './meta';
import type { ParsedReturn } from './read';

export interface RowProblem {
  /** 1-based row of the form. */
  row: number;
  /** e.g. '第6行（D6）：指标编号应为 1.2，表中为 1.1'. */
  text: string;
}

/**
 * The rows the form was made with: the sealed binding when the form has one; for forms made before row
 * binding, the sealed id list in sheet order, one row after another right under the header (as every
 * form was laid out), with no label to compare.
 */
function expectedRows(parsed: ParsedReturn): { row: number; id: string; label: string | null }[] {
  if (parsed.meta.rows) return parsed.meta.rows;
  return parsed.meta.ids.map((id, i) => ({ row: parsed.headerRow + 1 + i, id, label: null }));
}

/** Every row whose id or label no longer matches what the form was made with, in sheet order. */
export function rowIdentityProblems(parsed: ParsedReturn): RowProblem[] {
  const { columns } = parsed;
  const idCell = (row: number) => `${colLetters(columns.id)}${row}`;
  const labelCell = (row: number) => `${colLetters(columns.label ?? columns.id)}${row}`;
  const idAt = new Map(parsed.rows.map((r) => [r.row, r.id]));
  const problems: RowProblem[] = [];
  const expected = expectedRows(parsed);
  const placed = new Set<number>();
  for (const e of expected) {
    placed.add(e.row);
    const got = idAt.get(e.row);
    if (got === undefined) {
      problems.push({ row: e.row, text: `第${e.row}行（${idCell(e.row)}）：应为指标 ${e.id}，表中没有指标编号` });
    } else if (got !== e.id) {
      problems.push({ row: e.row, text: `第${e.row}行（${idCell(e.row)}）：指标编号应为 ${e.id}，表中为 ${got}` });
    } else if (e.label !== null) {
      const label = columns.label === null ? '' : (parsed.labels.get(e.row) ?? '');
      if (labelKey(label) !== labelKey(e.label)) {
        problems.push({
          row: e.row,
          text: `第${e.row}行（${labelCell(e.row)}）：指标 ${e.id} 的“指标”应为“${e.label}”，表中为“${label}”`,
        });
      }
    }
  }
  for (const r of parsed.rows) {
    if (!placed.has(r.row))
      problems.push({ row: r.row, text: `第${r.row}行（${idCell(r.row)}）：多出指标 ${r.id}（表单中原本没有这一行）` });
  }
  return problems.sort((a, b) => a.row - b.row);
}
