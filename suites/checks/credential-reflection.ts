import { defineCheck } from './define-check.js';

/** The API key sent never comes back: not in a body, not in a header, not in an error message. */
export const credentialReflection = defineCheck({
  scope: 'exchange',
  id: 'credential-reflection',
  title: 'API key reflected in the response',
  severity: 'critical',
  category: 'auth',
  description: 'No response, header or error body contains the API key sent.',
  applies: ({ exchange }) => exchange.response !== undefined,
  run({ exchange }) {
    const where = exchange.response!.reflectedSecret;
    if (!where || where.length === 0) return undefined;
    return { message: `Received: the API key sent, echoed in ${where.join(', ')} (shown redacted)\nExpected: credentials never reflected` };
  },
});
