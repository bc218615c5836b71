// Every check the product ships, generic and Mistral: for docs, the README table and --checks.
import { genericChecks } from '../checks/index.js';
import type { Check } from '../engine/types.js';
import { mistralChecks } from '../mistral/checks.js';

export const allChecks = (): Check[] => [...genericChecks, ...mistralChecks];
