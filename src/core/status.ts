// The seven statuses of a judgement and everything every part of the tool says or does per status, in one
// table: adding a status is one row, and a row missing a field fails to compile. Kept free of zod so the pane's
// first paint can show them without loading the rest of the core.

export const STATUSES = ['met', 'on-track', 'at-risk', 'shortfall', 'missing', 'not-due', 'invalid'] as const;
export type Status = (typeof STATUSES)[number];

/** How the 通报 treats an indicator's status: counted by item, owed (figures to report or check: the item is
 *  left uncounted and said apart), or not due (nothing to say yet). */
type BulletinGroup = 'counted' | 'owed' | 'not-due';

interface StatusRow {
  /** The word in 状态 cells, the pane and the CLI. */
  label: string;
  /** Print mark: each a different shape, so a black-and-white print still tells them apart. */
  symbol: string;
  /** Fill of the 状态 cell, 'RRGGBB'. */
  fill: string;
  /** The whole progress part of the row is tinted, not just 状态. */
  tintRow: boolean;
  /** 状态 in bold. */
  bold: boolean;
  /** Pressing statuses win an item's status in this order (1 first) and are listed in the 汇总; null otherwise. */
  pressing: number | null;
  bulletin: BulletinGroup;
  /** The 通报 names the items (when few) and gives a sentence per indicator. */
  named: boolean;
  /** Order in the pane's results: what needs attention first. */
  paneOrder: number;
}

/** Red shortfall, amber at-risk, green met, grey not-due. */
const STATUS_TABLE = {
  met: {
    label: '已达标',
    symbol: '●',
    fill: 'C6EFCE',
    tintRow: false,
    bold: false,
    pressing: null,
    bulletin: 'counted',
    named: false,
    paneOrder: 6,
  },
  'on-track': {
    label: '按期推进',
    symbol: '○',
    fill: 'DDEBF7',
    tintRow: false,
    bold: false,
    pressing: null,
    bulletin: 'counted',
    named: false,
    paneOrder: 5,
  },
  'at-risk': {
    label: '进度滞后',
    symbol: '▲',
    fill: 'FFEB9C',
    tintRow: true,
    bold: false,
    pressing: 2,
    bulletin: 'counted',
    named: true,
    paneOrder: 2,
  },
  shortfall: {
    label: '未达标',
    symbol: '✖',
    fill: 'FFC7CE',
    tintRow: true,
    bold: true,
    pressing: 1,
    bulletin: 'counted',
    named: true,
    paneOrder: 1,
  },
  missing: {
    label: '未填报',
    symbol: '□',
    fill: 'FCE4D6',
    tintRow: false,
    bold: false,
    pressing: 3,
    bulletin: 'owed',
    named: false,
    paneOrder: 4,
  },
  'not-due': {
    label: '未到期',
    symbol: '◇',
    fill: 'EDEDED',
    tintRow: false,
    bold: false,
    pressing: null,
    bulletin: 'not-due',
    named: false,
    paneOrder: 7,
  },
  invalid: {
    label: '数据有误',
    symbol: '※',
    fill: 'E4DFEC',
    tintRow: false,
    bold: false,
    pressing: 4,
    bulletin: 'owed',
    named: false,
    paneOrder: 3,
  },
} as const satisfies Record<Status, StatusRow>;

/** What a status is: its row of the table. */
export function statusInfo(s: Status): StatusRow {
  return STATUS_TABLE[s];
}

const column = <K extends keyof StatusRow>(k: K) =>
  Object.fromEntries(STATUSES.map((s) => [s, STATUS_TABLE[s][k]])) as Record<Status, StatusRow[K]>;

export const STATUS_LABEL: Record<Status, string> = column('label');

/** Status marks, as printed before the word in 状态. */
export const STATUS_SYMBOL: Record<Status, string> = column('symbol');

/** Fill per status, 'RRGGBB'. */
export const STATUS_FILL: Record<Status, string> = column('fill');

/** Pressing statuses, the most pressing first: they decide an item's status and fill the 汇总's list. */
export const PRESSING: readonly Status[] = STATUSES.filter((s) => STATUS_TABLE[s].pressing !== null).sort(
  (a, b) => (STATUS_TABLE[a].pressing ?? 0) - (STATUS_TABLE[b].pressing ?? 0),
);

/** Display order in the pane: what needs attention first. */
export const PANE_ORDER: readonly Status[] = [...STATUSES].sort(
  (a, b) => STATUS_TABLE[a].paneOrder - STATUS_TABLE[b].paneOrder,
);

/** '未达标 2 个，进度滞后 3 个，已达标 1 个': counts of the given statuses, in that order, for job messages. */
export function countsText(counts: Record<Status, number>, statuses: readonly Status[]): string {
  return statuses.map((s) => `${STATUS_TABLE[s].label} ${counts[s]} 个`).join('，');
}
