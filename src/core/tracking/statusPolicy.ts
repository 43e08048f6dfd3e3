// How a status shows in the tracking workbook: the 状态 text, reading it back, an item's status from its
// indicators', and the check styles (fill, tint, bold) per status, all from the status table in core/status.
import { PRESSING, STATUSES, STATUS_LABEL, STATUS_SYMBOL, statusInfo, type Status } from '../status';
import type { Judgement } from '../model';
import type { CellStyle } from '../layout/types';
import type { TrackingItemRead, TrackingRead } from './read';
import { TRACKING_STYLES } from './styles';

/** '▲ 进度滞后': the mark and the word, as written into 状态. */
export function statusText(status: Status): string {
  return `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}`;
}

/** Reads a 状态 cell back ('▲ 进度滞后' or just '进度滞后') into a status, or null. */
export function parseStatusText(text: string): Status | null {
  const word = text.replace(/^[^\u4e00-\u9fff]+/, '').trim();
  return STATUSES.find((s) => STATUS_LABEL[s] === word) ?? null;
}

/** Item status from its indicators' statuses: the most pressing one wins; 已达标 only when all are met. */
export function itemStatus(statuses: Status[]): Status {
  if (statuses.length === 0) return 'not-due';
  for (const s of PRESSING) if (statuses.includes(s)) return s;
  if (statuses.every((s) => s === 'met')) return 'met';
  if (statuses.every((s) => s === 'not-due')) return 'not-due';
  return 'on-track';
}

/** Check styles, keyed 'chk.<part>.<status>', built on the layout's own styles. */
export function checkStyles(): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = { ...TRACKING_STYLES };
  for (const s of STATUSES) {
    const { fill, tintRow, bold } = statusInfo(s);
    styles[`chk.status.${s}`] = {
      ...TRACKING_STYLES.center,
      fill,
      font: { ...TRACKING_STYLES.center.font, bold },
    };
    styles[`chk.center.${s}`] = tintRow ? { ...TRACKING_STYLES.center, fill } : TRACKING_STYLES.center;
    styles[`chk.left.${s}`] = tintRow ? { ...TRACKING_STYLES.left, fill } : TRACKING_STYLES.left;
    styles[`chk.rate.${s}`] = tintRow ? { ...TRACKING_STYLES.rate, fill } : TRACKING_STYLES.rate;
  }
  return styles;
}

/** An item with its status and its indicators' judgements. */
export interface Counted {
  item: TrackingItemRead;
  status: Status;
  judgements: Judgement[];
}

/** Each item of `read` with its indicators' judgements and its item status. */
export function perItem(read: TrackingRead, judgements: Judgement[]): Counted[] {
  const byId = new Map(judgements.map((j) => [j.id, j]));
  return read.items.map((item) => {
    const js = item.indicators.map((id) => byId.get(id)).filter((j): j is Judgement => j !== undefined);
    return { item, status: itemStatus(js.map((j) => j.status)), judgements: js };
  });
}
