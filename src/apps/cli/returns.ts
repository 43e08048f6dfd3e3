// Placeholder until the command lands; replaced by its own issue's work.
import { InputError } from '../../core/model';
import type { Command } from './io';

export const returnsCommand: Command = async () => {
  throw new InputError('not implemented yet', 'returns');
};
