// ExcelJS adapter: renders the layout model to .xlsx bytes, reads .xlsx back, applies patches.
export { renderWorkbook, renderSheet, writeWorkbook, workbookBytes, applyPrint, colLetters, setRowBreaks } from './render';
export { readWorkbookGrid, loadWorkbook, gridOf, plainValue } from './read';
export { readGridFast, checkUnpackedSizes, UnpackBudget } from './grid';
export { applyPatch, patchWorkbook } from './patch';
export { toExcelStyle, styleTable } from './styles';
