// The Mistral suite's checks (streaming, semantic, stateful), in one list.
import type { Check } from '../engine/types.js';
import { CLIENT_COMPATIBILITY } from './client-probe/probe-plugin.js';
import { mistralSemanticChecks } from './semantic/index.js';
import { statefulChecks } from './stateful/index.js';
import { mistralStreamChecks } from './stream/index.js';

export const mistralChecks: Check[] = [...mistralStreamChecks, ...mistralSemanticChecks, ...statefulChecks];

/** Checks that are not functions over exchanges (the client probe), for docs and --checks. */
export const mistralProbeChecks = [CLIENT_COMPATIBILITY];
