// The stateful part of the Mistral suite, as the plugin uses it.
export { statefulScenarios, type ScenarioContext } from './scenarios/index.js';
export { statefulChecks } from './checks/index.js';
export { ResourceTracker, undoRequest, type CleanupRequest } from './resource-tracker.js';
export { isMutating } from './is-mutating.js';
export { chainScript, type ToCurl } from './chain-script.js';
export { STATEFUL_CHECK_IDS, type StatefulMeta, type StepRole } from './meta.js';
