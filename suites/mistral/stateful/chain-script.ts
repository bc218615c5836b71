// Renders a failing stateful chain as one runnable bash script: each step is a curl line, and ids the
// server returned are captured into shell variables (`FILE_ID_0=$(curl ... | jq -r .id)`) that later
// steps use, so the script replays the chain against a fresh target. Keys stay `$MISTRAL_API_KEY`
// (toCurl redacts). Requests are rebuilt from the step builders and the recorded exchanges.
//
// Ids come from the target: they are data. An id is replaced by a variable only when it is a plain
// word (no quote, `$`, backtick, backslash, space or line break could change how the line is read);
// any other id stays in the curl line, quoted there like every value. Comments escape every control
// character, so a line break in an id cannot end a comment and start a command.
import { isPlainWord, shellComment } from '../../engine/transport/shell.js';
import type { Exchange, RequestSpec, TestCase } from '../../engine/types.js';
import { bodyOf, idOf } from './exchange-data.js';

export type ToCurl = (request: RequestSpec, baseUrl: string) => string;

interface Captured {
  value: string;
  variable: string;
  step: number;
  jq: string;
}

const VAR_PREFIX: Record<string, string> = { file: 'FILE_ID', 'fine-tuning-job': 'JOB_ID', 'batch-job': 'BATCH_ID', model: 'MODEL_ID' };

/** Replaces `value` by a reference to `$variable`, correctly for the quoting it appears in. */
export function substituteShellValue(line: string, value: string, variable: string): string {
  if (!value) return line;
  let out = '';
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; ) {
    if (line.startsWith(value, i)) {
      out += quote === "'" ? `'"\${${variable}}"'` : quote === '"' ? `\${${variable}}` : `"\${${variable}}"`;
      i += value.length;
      continue;
    }
    const ch = line[i]!;
    if (ch === '\\' && quote !== "'") {
      out += ch + (line[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === "'" && quote !== '"') quote = quote === "'" ? undefined : "'";
    else if (ch === '"' && quote !== "'") quote = quote === '"' ? undefined : '"';
    out += ch;
    i++;
  }
  return out;
}

function rebuild(testCase: TestCase, exchanges: Exchange[]): RequestSpec[] {
  const out: RequestSpec[] = [];
  for (let i = 0; i < exchanges.length; i++) {
    const step = testCase.steps[i];
    if (!step) break;
    const req = typeof step.request === 'function' ? step.request(exchanges.slice(0, i)) : step.request;
    if (!req) break;
    out.push(req);
  }
  return out;
}

function captures(testCase: TestCase, exchanges: Exchange[]): Captured[] {
  const roles = testCase.meta?.stateful?.roles ?? [];
  const out: Captured[] = [];
  exchanges.forEach((exchange, step) => {
    const role = roles[step];
    const id = idOf(exchange);
    if (role?.role === 'create' && id && isPlainWord(id)) out.push({ value: id, variable: `${VAR_PREFIX[role.resource] ?? 'ID'}_${step}`, step, jq: '.id' });
    const model = bodyOf(exchange)?.fine_tuned_model;
    if (typeof model === 'string' && model && isPlainWord(model) && !out.some((c) => c.value === model))
      out.push({ value: model, variable: `MODEL_ID_${step}`, step, jq: '.fine_tuned_model' });
  });
  return out;
}

export function chainScript(testCase: TestCase, exchanges: Exchange[], baseUrl: string, toCurl: ToCurl): string {
  const requests = rebuild(testCase, exchanges);
  const vars = captures(testCase, exchanges);
  const lines = [
    '#!/usr/bin/env bash',
    `# Replays the stateful chain ${shellComment(testCase.id)}${testCase.generation ? ` (seed ${testCase.generation.seed})` : ''}.`,
    '# Needs curl and jq. Ids the server returns are captured into variables used by later steps.',
    'set -u',
    ': "${MISTRAL_API_KEY:?set MISTRAL_API_KEY}"',
  ];
  requests.forEach((request, step) => {
    let line = toCurl(request, baseUrl);
    for (const v of vars) {
      if (v.step >= step) continue;
      line = substituteShellValue(line, v.value, v.variable);
      const encoded = encodeURIComponent(v.value);
      if (encoded !== v.value) line = substituteShellValue(line, encoded, v.variable);
    }
    const observed = exchanges[step]?.response?.status;
    lines.push('', `# step ${step}: ${shellComment(testCase.steps[step]?.label ?? '')}${observed !== undefined ? ` (observed HTTP ${observed})` : ''}`);
    const later = requests.slice(step + 1).map((r) => JSON.stringify(r));
    const usedLater = vars.filter((v) => v.step === step && later.some((r) => r.includes(v.value) || r.includes(encodeURIComponent(v.value))));
    if (usedLater.length === 0) {
      lines.push(line);
      return;
    }
    // Capture needs the bare body: drop curl's -i (headers) for this line, keep the answer visible.
    const bare = line.replace(/(^|\| )curl -sS -i /, '$1curl -sS ');
    lines.push(`RESPONSE_${step}=$(${bare})`, `echo "$RESPONSE_${step}"`);
    for (const v of usedLater) {
      lines.push(`${v.variable}=$(printf '%s' "$RESPONSE_${step}" | jq -r '${v.jq}')  # observed: ${shellComment(v.value)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
