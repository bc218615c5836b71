// Validation throughput, in this process, on one core.
import { prepareValidationBench } from '../figures/validation.js';
import { repeat } from '../stats.js';
import { row } from '../table.js';
import type { BenchContext } from './context.js';

export async function validationFigures({ runs, add }: BenchContext): Promise<void> {
  const validation = await prepareValidationBench();
  validation.measure(300); // warm-up: compile and optimise
  add(row('validations/s, chat completion, 1 core', '/s', await repeat(runs, async () => validation.measure(1000)), { kind: 'min', value: 1_000_000 }));
}
