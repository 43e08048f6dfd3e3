// 生成, once for every host: the tracking sheets for a plan. Over an existing tracking workbook nothing
// entered is lost: figures are carried by indicator id; what can't be carried is kept aside where the host
// can keep sheets, and otherwise the job refuses with the reason.
import type { Entry, Plan } from '../model';
import { InputError } from '../model';
import type { WorkbookLayout } from '../layout/types';
import type { WorkbookHost } from '../host';
import { buildTrackingLayout, type TrackingOptions } from '../tracking/layout';
import { readTracking } from '../tracking/read';
import { carryEntries } from '../tracking/carry';
import { regenerateTracking } from '../tracking/regenerate';
import { SHEET } from '../tracking/sheet';
import { READ_SHEETS, TRACKING_SHEETS } from './check';

export type GenerateJobResult =
  | { status: 'needs-confirmation'; existing: string[] }
  /** A whole-file host only: replacing the old workbook would lose what is in it. */
  | { status: 'refused'; reason: string; orphaned?: Entry[] }
  | {
      status: 'written';
      indicators: number;
      /** Indicators whose entered figures were carried into the new sheets. */
      kept: number;
      /** Figures whose indicator is gone from the new plan; their old sheets are kept (renamed). */
      orphaned: Entry[];
      /** Old sheets kept: set aside under a new name, or (whole-file hosts) 日志/进展情况 carried over. */
      keptSheets: string[];
    };

export interface GenerateJobOptions extends TrackingOptions {
  /** The user agreed to replace existing tracking sheets. */
  replace?: boolean;
}

/**
 * Writes the tracking sheets for `plan`. With tracking sheets present and `replace` unset, writes nothing
 * and says which are there.
 */
export async function runGenerate(
  host: WorkbookHost,
  plan: Plan,
  opts: GenerateJobOptions = {},
): Promise<GenerateJobResult> {
  host.progress('检查工作簿', 0);
  const sheets = await host.listSheets();
  const existing = sheets.filter((n) => TRACKING_SHEETS.includes(n));
  if (existing.length && !opts.replace) return { status: 'needs-confirmation', existing };
  const layoutOpts: TrackingOptions = { toolVersion: opts.toolVersion, asOf: opts.asOf };
  const indicators = plan.items.reduce((n, it) => n + it.indicators.length, 0);

  if (host.wholeFile) {
    // The file is written anew: carry what people entered into it, or refuse.
    let layout: WorkbookLayout = buildTrackingLayout(plan, layoutOpts);
    let kept = 0;
    let keptSheets: string[] = [];
    if (sheets.length) {
      host.progress('读取已填报的数据', 0.2);
      const regen = regenerateTracking(plan, await host.readSheets(sheets), layoutOpts);
      if (!regen.ok) return { status: 'refused', reason: regen.reason, orphaned: regen.orphaned };
      ({ layout, kept, sheetsKept: keptSheets } = regen);
    }
    host.progress('写入推进计划表', 0.5);
    await host.write({ layout });
    return { status: 'written', indicators, kept, orphaned: [], keptSheets };
  }

  let oldEntries: Entry[] = [];
  // An old 推进计划表 we can't read is kept aside rather than deleted: it may hold someone's work.
  let unreadable = false;
  if (sheets.includes(SHEET.main)) {
    host.progress('读取已填报的数据', 0.2);
    const grid = await host.readSheets(READ_SHEETS.filter((n) => sheets.includes(n)));
    try {
      oldEntries = readTracking(grid).entries;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable = true;
    }
  }
  const layout = buildTrackingLayout(plan, layoutOpts);
  const carried = carryEntries(layout, oldEntries);
  host.progress('写入推进计划表', 0.5);
  const written = await host.write({ layout, keepAside: unreadable || carried.orphaned.length > 0 });
  return {
    status: 'written',
    indicators,
    kept: carried.kept,
    orphaned: carried.orphaned,
    keptSheets: written.keptSheets,
  };
}
