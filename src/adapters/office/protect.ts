/// <reference types="office-js" />
// Protects a sheet with what the policy (core/layout/protection.ts) leaves allowed, in Office.js's words.
import { PROTECTION_ALLOWS as allow } from '../../core/layout/protection';

export function protectSheet(ws: Excel.Worksheet): void {
  ws.protection.protect({
    allowAutoFilter: allow.autoFilter,
    allowSort: allow.sort,
    allowFormatColumns: allow.formatColumns,
    allowFormatRows: allow.formatRows,
    selectionMode: 'Normal',
  });
}
