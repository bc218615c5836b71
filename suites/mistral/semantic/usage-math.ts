// Token accounting shared by usage-arithmetic and sse-usage.
import { isObject } from '../../openapi/is-object.js';

const COUNTS = ['prompt_tokens', 'completion_tokens', 'total_tokens'] as const;

/**
 * Problems with a usage block: counts present must be non-negative integers, and total must equal
 * prompt + completion (`exact`) or be at least that (`at-least`, for moderations, whose real usage
 * adds a fixed classifier overhead to the total; see usage-arithmetic).
 */
export function usageProblems(usage: unknown, mode: 'exact' | 'at-least' = 'exact'): string[] {
  if (!isObject(usage)) return [`usage is ${JSON.stringify(usage)}, not an object`];
  const problems: string[] = [];
  for (const key of COUNTS) {
    const v = usage[key];
    if (v === undefined || v === null) problems.push(`${key} is missing`);
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problems.push(`${key} = ${JSON.stringify(v)} is not a non-negative integer`);
  }
  if (problems.length) return problems;
  const p = usage.prompt_tokens as number;
  const c = usage.completion_tokens as number;
  const t = usage.total_tokens as number;
  if (mode === 'exact' && t !== p + c) problems.push(`total_tokens ${t} ≠ prompt_tokens ${p} + completion_tokens ${c} (= ${p + c})`);
  if (mode === 'at-least' && t < p + c) problems.push(`total_tokens ${t} < prompt_tokens ${p} + completion_tokens ${c} (= ${p + c})`);
  return problems;
}

export function tokenCount(usage: unknown, key: 'prompt_tokens' | 'completion_tokens' | 'total_tokens'): number | undefined {
  const v = isObject(usage) ? usage[key] : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}
