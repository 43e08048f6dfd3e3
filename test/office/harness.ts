// Jest glue for the Office.js mock: counts context.sync with jest.spyOn and fails on unloaded reads.
import { MockExcel, type MockOptions } from './mockExcel';
import type { OfficeCaps } from '../../src/adapters/office/caps';
import { detectCaps } from '../../src/adapters/office/caps';

export interface Harness {
  mock: MockExcel;
  ctx: Excel.RequestContext;
  caps: OfficeCaps;
  sync: jest.SpyInstance;
  /** A fresh context with its own spy (like a new Excel.run). */
  fresh(): { ctx: Excel.RequestContext; sync: jest.SpyInstance };
}

export function harness(opts: MockOptions = {}, mock = new MockExcel(opts)): Harness {
  if (!mock.sheets.length) mock.addSheet('Sheet1');
  const fresh = () => {
    const ctx = mock.context();
    const sync = jest.spyOn(ctx, 'sync');
    return { ctx: ctx as unknown as Excel.RequestContext, sync };
  };
  const first = fresh();
  return { mock, ctx: first.ctx, sync: first.sync, caps: detectCaps(mock.isSetSupported), fresh };
}

/** Every test: no property was read before it was loaded and synced. */
export function expectAllLoaded(mock: MockExcel): void {
  expect(mock.stats.unloadedReads).toEqual([]);
}
