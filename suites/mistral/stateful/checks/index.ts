// The stateful checks, in report order.
import type { CaseCheck } from '../../../engine/types.js';
import { contentIntegrity } from './content-integrity.js';
import { listConsistency } from './list-consistency.js';
import { resourceAvailability } from './resource-availability.js';
import { stateTransition } from './state-transition.js';
import { useAfterFree } from './use-after-free.js';

export const statefulChecks: CaseCheck[] = [useAfterFree, resourceAvailability, contentIntegrity, stateTransition, listConsistency];

export { contentIntegrity, listConsistency, resourceAvailability, stateTransition, useAfterFree };
