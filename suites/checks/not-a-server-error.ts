import { defineCheck, is5xx } from './define-check.js';

/** A 5xx, or a connection that broke before an answer, is a server defect whatever was sent. */
export const notAServerError = defineCheck({
  scope: 'exchange',
  id: 'not-a-server-error',
  title: 'Server error',
  severity: 'critical',
  category: 'protocol',
  description: 'The server never answers 5xx, and never drops the connection instead of answering.',
  run({ exchange }) {
    if (exchange.error && (exchange.error.kind === 'reset' || exchange.error.kind === 'network') && !exchange.response) {
      return { message: `Received: no response (${exchange.error.message})\nExpected: an HTTP response` };
    }
    if (exchange.error?.kind === 'timeout' && !exchange.response) {
      return { message: `Received: no response within the timeout (${exchange.error.message})\nExpected: an HTTP response` };
    }
    const status = exchange.response?.status;
    if (status !== undefined && is5xx(status)) {
      return { message: `Received: ${status}\nExpected: not a server error (5xx)` };
    }
    return undefined;
  },
});
