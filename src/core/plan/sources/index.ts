// Plans from the files they come in: plan text in any encoding and separator, a Word table, a sheet.
import { InputError, type Plan } from '../../model';
import { parsePlan, parsePlanRows } from '../parse';
import { docxRows, type DocxParts } from './docx';
import { sniffPlanFile, type PlanFileKind } from './file';
import { isHeaderRow } from './header';

export { sniffPlanFile, decodeText, type PlanFileKind } from './file';
export { docxRows, type DocxParts } from './docx';

/** A plan read from a file, with notes on how it was read ('文件是 GBK 编码的文本，已按 GBK 读取'). */
export interface PlanRead {
  plan: Plan;
  notes: string[];
}

/** Runs `read`, naming the file in an InputError that names no place yet. */
export function inFile<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError && !e.where) throw new InputError(e.message, name, e.zh ?? '文件中的计划表无法读取');
    throw e;
  }
}

/** The plan in a Word document's main XML part. */
export function planFromDocxXml(xml: string, name: string, parts: DocxParts = {}): Plan {
  return inFile(name, () => {
    const rows = docxRows(xml, parts);
    if (!rows.some((r) => isHeaderRow(r.cells))) {
      const zh =
        '文件中没有找到计划表：表格的表头应写有序号、事项名称、年度任务目标、上半年、下半年、牵头单位等。' +
        '请确认计划表是 Word 表格（不是图片或文本框）';
      throw new InputError(`${zh} (no plan table found in the document)`, undefined, zh);
    }
    return parsePlanRows(rows);
  });
}

/** A plan file that is text (any encoding, tabs or commas), or what else it is: 'docx' and 'xlsx' need unpacking,
 *  which the adapters do. Throws InputError naming the file for everything that can't be a plan. */
export function readPlanBytes(bytes: Uint8Array, name: string): PlanRead | Exclude<PlanFileKind, { kind: 'text' }> {
  const kind = sniffPlanFile(bytes, name);
  if (kind.kind !== 'text') return kind;
  return { plan: inFile(name, () => parsePlan(kind.text)), notes: kind.notes };
}
