// File mode jobs: WIP
import type { FileJobs } from './types';
import { PaneError } from '../errors';
const todo = async (): Promise<never> => {
  throw new PaneError('尚未完成');
};
export const fileJobs: FileJobs = {
  reviewPlan: todo,
  generate: todo,
  openBook: todo,
  check: todo,
  returnForms: todo,
  consolidate: todo,
  printCopy: todo,
};
