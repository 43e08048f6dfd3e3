// What every tab shares: the mode, the lazily loaded jobs, the opened workbook and the as-of date.
import * as React from 'react';
import type { Mode } from './mode';
import type { BookInfo, FileIn, FileJobs, OfficeJobs } from './jobs/types';

export interface PaneState {
  mode: Mode;
  english: boolean;
  /** The core and ExcelJS arrive only when a job first needs them. */
  fileJobs: () => Promise<FileJobs>;
  officeJobs: () => Promise<OfficeJobs>;
  /** File mode: the tracking workbook the user opened, shared by 校验, 填报 and 打印. */
  book: FileIn | null;
  bookInfo: BookInfo | null;
  setBook: (book: FileIn | null, info: BookInfo | null) => void;
  asOf: string;
  /** The user's own choice of date: typed, or a quick pick (which keeps its month and day for the plan's year). */
  setAsOf: (iso: string, how?: 'typed' | 'quick') => void;
  /** A workbook was opened: the date moves only if the user hasn't chosen one (or chose a quick pick).
   *  `yearClose`: the plan year's last close, from the period table (kept out of the first paint). */
  bookYear: (year: number, yearClose: string) => void;
}

export const PaneContext = React.createContext<PaneState>(null as unknown as PaneState);
export const usePane = () => React.useContext(PaneContext);
