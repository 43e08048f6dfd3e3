// The status table (core/status.ts) and every list derived from it: each covers every status as intended, so a
// status added to the table can't be forgotten by the check styles, the 汇总, the 通报 or the pane.
import {
  countsText,
  PANE_ORDER,
  PRESSING,
  STATUSES,
  STATUS_FILL,
  STATUS_LABEL,
  STATUS_SYMBOL,
  statusInfo,
  type Status,
} from '../../src/core/status';
import { checkStyles, itemStatus, parseStatusText, statusText } from '../../src/core/tracking/statusPolicy';
import { STATUS_FILL as SHEET_FILL, STATUS_SYMBOL as SHEET_SYMBOL } from '../../src/core/tracking/sheet';
import { STATUS_MARK, STATUS_ORDER, STATUS_TEXT } from '../../src/apps/taskpane/strings';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('the status table', () => {
  test('every status has a distinct word, mark and fill', () => {
    for (const map of [STATUS_LABEL, STATUS_SYMBOL, STATUS_FILL]) {
      expect(sorted(Object.keys(map))).toEqual(sorted(STATUSES));
      expect(new Set(Object.values(map)).size).toBe(STATUSES.length);
    }
    for (const s of STATUSES) expect(STATUS_FILL[s]).toMatch(/^[0-9A-F]{6}$/);
  });

  test('the words and marks are the ones printed workbooks carry', () => {
    expect(STATUSES.map(statusText)).toEqual([
      '● 已达标',
      '○ 按期推进',
      '▲ 进度滞后',
      '✖ 未达标',
      '□ 未填报',
      '◇ 未到期',
      '※ 数据有误',
    ]);
  });

  test('状态 text reads back to its status, with or without the mark', () => {
    for (const s of STATUSES) {
      expect(parseStatusText(statusText(s))).toBe(s);
      expect(parseStatusText(STATUS_LABEL[s])).toBe(s);
    }
  });

  test('pressing statuses, most pressing first: they decide an item and fill the 汇总 list', () => {
    expect(PRESSING).toEqual(['shortfall', 'at-risk', 'missing', 'invalid']);
    // Each pressing status beats every later one and every status that isn't pressing.
    PRESSING.forEach((s, i) => {
      for (const other of STATUSES.filter((x) => !PRESSING.slice(0, i + 1).includes(x)))
        expect(itemStatus([other, s, other])).toBe(s);
    });
    expect(itemStatus(['met', 'met'])).toBe('met');
    expect(itemStatus(['not-due'])).toBe('not-due');
    expect(itemStatus(['met', 'not-due'])).toBe('on-track');
    expect(itemStatus([])).toBe('not-due');
  });

  test('the 通报 puts every status in exactly one group, and names only the statuses behind', () => {
    const groups: Record<string, Status[]> = {};
    for (const s of STATUSES) (groups[statusInfo(s).bulletin] ??= []).push(s);
    expect(groups).toEqual({
      counted: ['met', 'on-track', 'at-risk', 'shortfall'],
      owed: ['missing', 'invalid'],
      'not-due': ['not-due'],
    });
    expect(STATUSES.filter((s) => statusInfo(s).named)).toEqual(['at-risk', 'shortfall']);
    // A named status is counted and pressing: the 通报 gives it a sentence and the 汇总 lists it.
    for (const s of STATUSES.filter((x) => statusInfo(x).named)) {
      expect(statusInfo(s).bulletin).toBe('counted');
      expect(PRESSING).toContain(s);
    }
  });

  test('check styles exist for every status; only shortfall and at-risk tint the row, only shortfall is bold', () => {
    const styles = checkStyles();
    for (const s of STATUSES) {
      for (const part of ['status', 'center', 'left', 'rate']) expect(styles[`chk.${part}.${s}`]).toBeDefined();
      expect(styles[`chk.status.${s}`].fill).toBe(STATUS_FILL[s]);
      expect(styles[`chk.status.${s}`].font?.bold).toBe(s === 'shortfall');
    }
    const tinted = STATUSES.filter((s) => styles[`chk.left.${s}`].fill === STATUS_FILL[s]);
    expect(tinted).toEqual(['at-risk', 'shortfall']);
    expect(STATUSES.filter((s) => statusInfo(s).tintRow)).toEqual(tinted);
  });

  test('the pane shows every status once, what needs attention first, with the workbook marks', () => {
    expect(sorted(PANE_ORDER)).toEqual(sorted(STATUSES));
    expect(STATUS_ORDER).toEqual(['shortfall', 'at-risk', 'invalid', 'missing', 'on-track', 'met', 'not-due']);
    expect(STATUS_MARK).toEqual(STATUS_SYMBOL);
    expect(STATUS_TEXT.zh).toEqual(STATUS_LABEL);
    expect(sorted(Object.keys(STATUS_TEXT.en))).toEqual(sorted(STATUSES));
  });

  test('the tracking sheet module hands out the same marks and fills (kept for importers)', () => {
    expect(SHEET_FILL).toBe(STATUS_FILL);
    expect(SHEET_SYMBOL).toBe(STATUS_SYMBOL);
  });
});

describe('texts built from the table', () => {
  test('job messages count statuses in the words the workbook uses', () => {
    const counts = { met: 1, 'on-track': 0, 'at-risk': 3, shortfall: 2, missing: 4, 'not-due': 0, invalid: 0 };
    expect(countsText(counts, ['shortfall', 'at-risk', 'met'])).toBe('未达标 2 个，进度滞后 3 个，已达标 1 个');
    expect(countsText(counts, ['missing'])).toBe('未填报 4 个');
  });
});
