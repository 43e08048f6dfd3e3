// What people may still do on a sheet we protect, for every adapter to write in its own vocabulary. No
// password: protection guards against accidents, not people.

/** Allowed on a protected sheet: resize columns and rows, sort, filter. Everything else is locked. */
export const PROTECTION_ALLOWS = { formatColumns: true, formatRows: true, sort: true, autoFilter: true } as const;

/** The <sheetProtection> element for a protected sheet (an attribute set to 0 leaves that action allowed). */
export function sheetProtectionXml(): string {
  const attrs = Object.entries(PROTECTION_ALLOWS).map(([k, allowed]) => ` ${k}="${allowed ? 0 : 1}"`);
  return `<sheetProtection sheet="1"${attrs.join('')}/>`;
}
