// The Office.js adapter's public face, for the task pane and the ribbon.
export { detectCaps, isMac } from './caps';
export {
  applyConsolidation,
  checkTracking,
  existingTrackingSheets,
  generateTracking,
  openAsNewWorkbook,
  preparePrint,
  readActiveSheet,
  previewConsolidation,
  readTrackingWorkbook,
  selectIndicator,
} from './tracking';
export { startLiveValidation, stopLiveValidation } from './live';
