// A moderation answer holds one result per input (text moderations: one per string; chat
// moderations: one per conversation, where the input is one conversation or a list of them), each
// with the same category set in `categories` (booleans) and `category_scores` (numbers in [0, 1]),
// and one category set across results.
import { defineCheck } from '../../checks/define-check.js';
import { CHAT_MODERATIONS_PATH, isModerationOp } from './endpoints.js';
import { isSuccess, requestOf } from './request-of.js';
import { isObject } from '../../openapi/is-object.js';

function expectedResults(chat: boolean, input: unknown): number | undefined {
  if (chat) {
    if (!Array.isArray(input)) return undefined;
    return input.length > 0 && input.every(Array.isArray) ? input.length : 1;
  }
  if (typeof input === 'string') return 1;
  return Array.isArray(input) ? input.length : undefined;
}

function keys(o: Record<string, unknown>): string {
  return Object.keys(o).sort().join(',');
}

export const moderationConsistency = defineCheck({
  id: 'moderation-consistency',
  title: 'Moderation results inconsistent with the input',
  severity: 'medium',
  description: 'One result per input or conversation; categories (booleans) and category_scores (numbers in [0, 1]) name the same categories in every result.',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isModerationOp(ctx.operation) && ctx.exchange.response?.json !== undefined,
  run({ operation, exchange }) {
    const expected = expectedResults(operation.path === CHAT_MODERATIONS_PATH, requestOf(exchange)?.input);
    if (expected === undefined || expected === 0) return { skip: 'the request input has no countable items' };
    const body = exchange.response?.json;
    if (!isObject(body) || !Array.isArray(body.results)) return { skip: 'no results list in the answer (response-schema-conformance judges the shape)' };
    const problems: string[] = [];
    if (body.results.length !== expected) problems.push(`${body.results.length} result(s) for ${expected} input(s)`);
    let categorySet: string | undefined;
    body.results.forEach((r, i) => {
      const categories = isObject(r) && isObject(r.categories) ? r.categories : undefined;
      const scores = isObject(r) && isObject(r.category_scores) ? r.category_scores : undefined;
      if (!categories || !scores) {
        problems.push(`result ${i} lacks ${categories ? 'category_scores' : 'categories'}`);
        return;
      }
      const nonBool = Object.entries(categories).find(([, v]) => typeof v !== 'boolean');
      if (nonBool) problems.push(`result ${i} category ${nonBool[0]} = ${JSON.stringify(nonBool[1])}, not a boolean`);
      const badScore = Object.entries(scores).find(([, v]) => typeof v !== 'number' || !(v >= 0 && v <= 1));
      if (badScore) problems.push(`result ${i} score ${badScore[0]} = ${JSON.stringify(badScore[1])}, not in [0, 1]`);
      if (keys(categories) !== keys(scores)) problems.push(`result ${i} categories {${keys(categories)}} differ from category_scores {${keys(scores)}}`);
      categorySet ??= keys(categories);
      if (keys(categories) !== categorySet) problems.push(`result ${i} has categories {${keys(categories)}} unlike result 0`);
    });
    return problems.length
      ? {
          message: `Received: ${problems.slice(0, 4).join('; ')}. Expected: ${expected} result(s), each with the same categories as booleans and scores in [0, 1].`,
        }
      : undefined;
  },
});
