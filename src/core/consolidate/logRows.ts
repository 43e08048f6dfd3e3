// The rows this run appends to 日志: per accepted file in the order given, a 报送 row then its values in
// sheet order (each with how it was handled); then a row per rejected file.
import type { CellValue } from '../layout/types';
import type { Fresh, Rejection } from './accept';
import { valueCount } from './accept';
import type { MasterLookup, Outcome } from './decide';
import { outcomeKey } from './decide';
import { FIELD_LABEL, FIELDS, PARTIAL_LABEL, SENDER_FIELD } from './fields';
import type { LogRow } from './log';

type RowOf = Omit<LogRow, 'time'>;

export function buildLogRows(
  at: MasterLookup,
  accepted: Fresh[],
  rejected: Rejection[],
  outcome: Map<string, Outcome>,
  time: string,
): LogRow[] {
  const rows: RowOf[] = [];
  for (const [src, f] of accepted.entries()) rows.push(...returnRows(at, src, f, outcome));
  for (const r of rejected) {
    rows.push(logRow(r.file, r.unit ?? '', r.round ?? '', '', SENDER_FIELD, null, null, 'rejected', r.reason));
  }
  return rows.map((r) => ({ time, ...r }));
}

/** One accepted return's rows: who sent it and how many values, then each value or rejected cell. */
function returnRows(at: MasterLookup, src: number, f: Fresh, outcome: Map<string, Outcome>): RowOf[] {
  const who = [f.parsed.reporter && `填报人：${f.parsed.reporter}`, f.parsed.phone && `联系电话：${f.parsed.phone}`]
    .filter(Boolean)
    .join('，');
  const partial = f.bad.length ? `，退回${f.bad.length}项（${PARTIAL_LABEL}）` : '';
  const out = [
    logRow(f.file, f.unit, f.round, '', SENDER_FIELD, null, who || null, 'applied', `收到${valueCount(f)}项${partial}`),
  ];
  for (const { id } of f.parsed.rows) {
    const got = f.values.get(id) ?? {};
    for (const field of FIELDS) {
      const b = f.bad.find((x) => x.id === id && x.field === field);
      if (b) {
        const shown =
          b.value === null || b.value === undefined ? null : typeof b.value === 'number' ? b.value : String(b.value);
        out.push(
          logRow(
            f.file,
            f.unit,
            f.round,
            id,
            FIELD_LABEL[field],
            null,
            shown,
            'rejected',
            `单元格 ${b.cell}：${b.reason}`,
          ),
        );
        continue;
      }
      if (got[field] === undefined) continue;
      const o = outcome.get(outcomeKey(src, id, field))!;
      const old = field === 'progress' ? (o.old ?? null) : at.slotOf(id, field).value;
      out.push(logRow(f.file, f.unit, f.round, id, FIELD_LABEL[field], old, got[field]!, o.action, o.note));
    }
  }
  return out;
}

function logRow(
  file: string,
  unit: string,
  round: string,
  id: string,
  field: string,
  old: CellValue,
  value: CellValue,
  action: Outcome['action'],
  note: string,
): RowOf {
  return { round, file, unit, id, field, old, new: value, action, note };
}
