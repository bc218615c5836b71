import { describe, expect, it } from 'vitest';
import type { PlanPreview } from '../../engine/run/preview-plan.js';
import { runCli } from '../test-support.js';
import { renderOperations } from './operations.js';

const json = async (argv: string[]): Promise<PlanPreview> => {
  const r = await runCli(['operations', '--json', ...argv]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as PlanPreview;
};

describe('operations', () => {
  it('lists every operation of the pinned spec with the phases run would plan, sending nothing', async () => {
    const all = await json(['--phases', 'examples,positive,negative,auth,semantic,stateful']);
    expect(all.operations).toHaveLength(26);
    expect(all.filteredOut).toBe(0);
    const chat = all.operations.find((o) => o.operationId === 'chat_completion_v1_chat_completions_post')!;
    expect(chat).toMatchObject({ method: 'POST', path: '/v1/chat/completions', tags: ['chat'] });
    expect(Object.keys(chat.phases).sort()).toEqual(['auth', 'base', 'examples', 'negative', 'positive', 'semantic']);
    expect(all.operations.find((o) => o.operationId === 'files_api_routes_upload_file')!.phases.stateful).toBeGreaterThan(0);
    // Agents completions need --agent-id: said, as run says it.
    expect(all.operations.find((o) => o.path === '/v1/agents/completions')!.skipped).toMatch(/--agent-id/);
  });

  it('filters as run does: globs, methods and paths together, and the phases asked for', async () => {
    const post = await json(['--include', 'POST /v1/*', '--include-path', '*completions', '--phases', 'examples']);
    expect(post.operations.map((o) => o.path)).toEqual(['/v1/chat/completions', '/v1/fim/completions', '/v1/agents/completions']);
    expect(post.filteredOut).toBe(23);
    expect(post.operations[0]!.phases).toEqual({ examples: 1 });
    const gets = await json(['--include-method', 'get', '--include', 'files']);
    expect(gets.operations.map((o) => o.operationId)).toEqual([
      'files_api_routes_list_files',
      'files_api_routes_retrieve_file',
      'files_api_routes_download_file',
    ]);
    const readOnly = await json(['--read-only', '--include', 'files']);
    expect(readOnly.operations.find((o) => o.operationId === 'files_api_routes_upload_file')!.phases).toEqual({});
  });

  it('renders a table with a line per operation and the totals', () => {
    const text = renderOperations([{ operationId: 'op\u001b[2J', method: 'GET', path: '/v1/x', tags: ['t'], phases: { positive: 2, examples: 1 } }], 3);
    expect(text.split('\n')[0]).toMatch(/^METHOD\s+PATH\s+OPERATION\s+TAGS\s+PHASES \(cases\)$/);
    expect(text).toContain('examples 1, positive 2');
    expect(text).toContain('op\\u001b[2J');
    expect(text).toContain('1 operation, 3 cases planned (3 operations of the spec left out by the filters)');
  });
});
