// The cell styles of a return form: title, note, headers, read-only cells and the tinted entry cells.
import type { CellStyle } from '../layout/types';
import { COLOR, FONT, SIZE } from '../layout/styles';

const BODY_FONT = FONT.body;
const HEAD_FONT = FONT.heading;
const TITLE_FONT = FONT.title;
const BODY = SIZE.body;

export const RETURN_STYLES: Record<string, CellStyle> = {
  'ret.title': { font: { name: TITLE_FONT, size: SIZE.title }, horizontal: 'center', vertical: 'middle' },
  'ret.info': { font: { name: BODY_FONT, size: BODY }, horizontal: 'left', vertical: 'middle', wrap: true },
  'ret.head': {
    font: { name: HEAD_FONT, size: BODY },
    fill: COLOR.headerFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  'ret.cell': {
    font: { name: BODY_FONT, size: BODY },
    border: true,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
  },
  'ret.center': {
    font: { name: BODY_FONT, size: BODY },
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  'ret.entry': {
    font: { name: BODY_FONT, size: BODY },
    fill: COLOR.entryFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    locked: false,
  },
  // '@' keeps whatever is typed (or written later) as text, so '=…' never becomes a formula.
  'ret.entryText': {
    font: { name: BODY_FONT, size: BODY },
    fill: COLOR.entryFill,
    border: true,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    numFmt: '@',
    locked: false,
  },
  // A percentage typed as people type it (22%, or 22 with Excel's automatic percent entry) is stored 0.22.
  'ret.entryPct': {
    font: { name: BODY_FONT, size: BODY },
    fill: COLOR.entryFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    numFmt: '0.0%',
    locked: false,
  },
  'ret.label': { font: { name: HEAD_FONT, size: BODY }, horizontal: 'right', vertical: 'middle' },
  'ret.text': { numFmt: '@' },
};
