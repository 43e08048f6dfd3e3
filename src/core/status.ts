// The seven statuses of a judgement, their words and print marks. Kept free of zod so the pane's first paint can
// show them without loading the rest of the core.

export const STATUSES = ['met', 'on-track', 'at-risk', 'shortfall', 'missing', 'not-due', 'invalid'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  met: '已达标',
  'on-track': '按期推进',
  'at-risk': '进度滞后',
  shortfall: '未达标',
  missing: '未填报',
  'not-due': '未到期',
  invalid: '数据有误',
};

/** Status marks: each a different shape, so a black-and-white print still tells them apart. */
export const STATUS_SYMBOL: Record<Status, string> = {
  met: '●',
  'on-track': '○',
  'at-risk': '▲',
  shortfall: '✖',
  missing: '□',
  'not-due': '◇',
  invalid: '※',
};
