// What every scenario builder receives.
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import type { MistralTargetInfo } from '../../target-info.js';

export interface ScenarioContext {
  info: MistralTargetInfo;
  spec: LoadedSpec;
  seed: number;
  readOnly: boolean;
  allowCostly: boolean;
}
