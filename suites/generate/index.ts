// Generation from OpenAPI schemas: arbitraries, requests, examples, boundary coverage, negatives.
export { createContext, type GenerationContext, type SchemaArbitraryConstraints, type SpecLike, type LocationOverride } from './context.js';
export { schemaArbitrary, type SchemaArbitraryOptions } from './schema-arbitrary.js';
export { requestArbitrary, requestValuesArbitrary, operationContext, type RequestArbitraryOptions } from './request-arbitrary.js';
export { encodeRequest } from './encode-request.js';
export { exampleRequests, type ExampleRequest } from './examples.js';
export { coverageRequests, type PlannedRequest } from './coverage.js';
export { negativeArbitrary } from './negative/negative-arbitrary.js';
export { requestMutations, applyMutation, type RequestMutation } from './negative/request-mutations.js';
export type { GeneratedRequest, NegativeRequest, RequestValues } from './request-values.js';
