// ExcelJS adapter: renders the layout model to .xlsx bytes, reads .xlsx back, applies patches.
export { writeWorkbook } from './render';
export { readWorkbookGrid, loadWorkbook, gridOf } from './read';
export { applyPatch } from './patch';
