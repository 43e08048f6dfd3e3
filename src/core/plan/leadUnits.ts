// 牵头单位: names separated by spaces or 、, where a PDF line wrap may have split one name in two.

// How a unit's name ends; a token that doesn't end so was cut by a wrap and joins the next.
const UNIT_END = /(局|委|会|联|院|政府|办|办公室|部|厅|中心|所|站|队|处|团|馆|社|署|行|司|庭|校|园|组)$/;

export function splitLeadUnits(cell: string): string[] {
  const tokens = cell
    .split(/[\s、,，;；/]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const units: string[] = [];
  let pending = '';
  for (const token of tokens) {
    pending += token;
    if (UNIT_END.test(pending)) {
      units.push(pending);
      pending = '';
    }
  }
  if (pending) {
    // A trailing fragment that isn't a name on its own belongs to the last unit only if that one was cut too.
    units.push(pending);
  }
  return units;
}
