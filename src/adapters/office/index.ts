// The Office.js adapter's public face, for the task pane and the ribbon.
export { detectCaps, isMac, REQUIRED_EXCEL_API, type OfficeCaps } from './caps';
export { PAYLOAD_LIMIT } from './render';
export {
  applyConsolidation,
  applyPrintSetup,
  checkTracking,
  existingTrackingSheets,
  generateTracking,
  openAsNewWorkbook,
  preparePrint,
  readActiveSheet,
  previewConsolidation,
  readEntries,
  readTrackingWorkbook,
  selectIndicator,
  TRACKING_SHEETS,
  type ApplyConsolidationResult,
  type CheckResult,
  type GenerateOptions,
  type GenerateResult,
  type OfficeJobOptions,
  type PrintResult,
} from './tracking';
export {
  isLiveValidationOn,
  refreshLiveValidation,
  startLiveValidation,
  stopLiveValidation,
  todayIso,
  type LiveOptions,
  type LiveUpdate,
} from './live';
export { explainOfficeError, isOfficeError, type Lang } from './errors';
