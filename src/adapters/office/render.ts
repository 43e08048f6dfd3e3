/// <reference types="office-js" />
// Renders the core's layout model into Excel through Office.js, and reads sheets back as a grid.
// Knows nothing about plans: everything tracking-specific comes from src/core. The work is split by job:
// batch.ts (request budget, protect at the end, recovery), cells.ts (values and formats), write.ts (one
// sheet of a layout), print.ts (page setup), sheets.ts (list, replace, patch), read.ts (the grid back).
// Kept for importers: the names other modules import from here (those only used inside moved with their code).
export { Batch, heldOpen } from './batch';
export { CELL_TEXT_LIMIT, rangeOf, toExcelValue } from './cells';
export { applyPrint, setRowBreaks } from './print';
export { protectSheet } from './protect';
export { listSheets, queueLayout, queuePatch, SHEET_LIST_PROPS, sheetInfos, type SheetInfo } from './sheets';
export { collect, isResponseTooLarge, queueRead, readInBlocks, toGrid, type SheetData } from './read';
