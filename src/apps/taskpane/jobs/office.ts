// Office mode jobs: WIP
import type { OfficeJobs } from './types';
import { PaneError } from '../errors';
const todo = async (): Promise<never> => {
  throw new PaneError('尚未完成');
};
export const officeJobs: OfficeJobs = {
  reviewPlan: todo,
  hasTracking: todo,
  generate: todo,
  check: todo,
  selectIndicator: todo,
  setLiveValidation: todo,
  returnForms: todo,
  previewConsolidation: todo,
  applyConsolidation: todo,
  print: todo,
};
