/// <reference types="office-js" />
// What a protected sheet still allows: the same policy the file adapter writes into <sheetProtection>.

export function protectSheet(ws: Excel.Worksheet): void {
  // No password: it guards against accidents. Filtering, sorting and resizing stay possible.
  ws.protection.protect({
    allowAutoFilter: true,
    allowSort: true,
    allowFormatColumns: true,
    allowFormatRows: true,
    selectionMode: 'Normal',
  });
}
