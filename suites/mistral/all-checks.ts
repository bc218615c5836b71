// Every check the product ships, generic and Mistral: for docs, the README table and --checks.
import { genericChecks } from '../checks/index.js';
import type { Check, CheckMeta } from '../engine/types.js';
import { mistralChecks, mistralProbeChecks } from './checks.js';

/** One entry per check id (some ids have an exchange-scope and a case-scope form). */
export const allChecks = (): CheckMeta[] => {
  const byId = new Map<string, CheckMeta>();
  for (const { id, title, severity, description, category } of [...genericChecks, ...mistralChecks, ...mistralProbeChecks])
    if (!byId.has(id)) byId.set(id, { id, title, severity, description, category });
  return [...byId.values()];
};

export const allCheckImplementations = (): Check[] => [...genericChecks, ...mistralChecks];
