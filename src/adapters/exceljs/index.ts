// ExcelJS adapter: renders the layout model to .xlsx bytes, reads .xlsx back, applies patches.
export { renderWorkbook, renderSheet, writeWorkbook, workbookBytes, applyPrint, setRowBreaks } from './render';
export { colLetters } from '../../core/layout/address';
export { readWorkbookGrid, loadWorkbook, gridOf, plainValue } from './read';
export { readGridFast, checkUnpackedSizes, UnpackBudget } from './grid';
export { applyPatch, patchPackage } from './patch';
export { XlsxPackage } from './package';
export { toExcelStyle, styleTable } from './styles';
