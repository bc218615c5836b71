// resource-availability: what the chain created can be read back (retrieve, list, download) and reads
// show what was created (name, purpose, model, suffix; a model's name, description, archived flag).
import { bodyOf, describeStatus, isSuccess, listOf } from '../exchange-data.js';
import { createdId, isModelRequest, sameValue } from './resource-ids.js';
import { nothingToJudge, statefulCheck, type Finding } from './stateful-check.js';

export const resourceAvailability = statefulCheck(
  {
    id: 'resource-availability',
    title: 'Created resource not available',
    severity: 'high',
    description: 'Resources the run created can be retrieved, listed and downloaded, and reads show what was created.',
  },
  ({ steps, at }) => {
    const findings: Finding[] = [];
    let judged = 0;
    for (const { index, role, exchange } of steps) {
      const body = bodyOf(exchange);
      switch (role.role) {
        case 'create': {
          judged++;
          if (!isSuccess(exchange)) {
            // Servers may refuse our small inputs for reasons of their own; the generic checks judge the status.
            findings.push({
              step: index,
              message: `creating the ${role.resource} answered ${describeStatus(exchange)}; the rest of the chain could not run`,
              warning: true,
            });
            break;
          }
          if (typeof body?.id !== 'string' || body.id === '') {
            findings.push({ step: index, message: `the ${role.resource} was created but the response carries no id` });
            break;
          }
          const expected: Record<string, unknown> = {
            ...(role.upload ? { filename: role.upload.filename, purpose: role.upload.purpose } : {}),
            ...role.expect,
          };
          for (const [k, v] of Object.entries(expected)) {
            if (k in body && !sameValue(body[k], v))
              findings.push({
                step: index,
                message: `created ${role.resource} ${body.id} has ${k} ${JSON.stringify(body[k])}\nReceived: ${JSON.stringify(body[k])}\nExpected (as sent): ${JSON.stringify(v)}`,
              });
          }
          break;
        }
        case 'retrieve':
        case 'job-poll':
        case 'download': {
          const id = createdId(at, role.of);
          if (!id) break;
          judged++;
          if (!isSuccess(exchange)) {
            findings.push({
              step: index,
              message: `created ${'resource' in role ? role.resource : 'file'} ${id} answered ${describeStatus(exchange)} to ${role.role}`,
            });
            break;
          }
          if (role.role === 'download') break;
          if (body?.id !== id) {
            findings.push({
              step: index,
              message: `retrieving ${id} answered a different resource\nReceived id: ${JSON.stringify(body?.id)}\nExpected id: ${JSON.stringify(id)}`,
            });
            break;
          }
          const create = at(role.of)?.role;
          if (create?.role === 'create') {
            const expected: Record<string, unknown> = {
              ...(create.upload ? { filename: create.upload.filename, purpose: create.upload.purpose } : {}),
              ...create.expect,
            };
            for (const [k, v] of Object.entries(expected)) {
              if (k === 'auto_start') continue; // a started job may report auto_start differently; the create echo is checked
              if (k in body && !sameValue(body[k], v))
                findings.push({ step: index, message: `${id} reads back ${k} ${JSON.stringify(body[k])}, created with ${JSON.stringify(v)}` });
            }
          }
          break;
        }
        case 'list': {
          if (role.presence !== 'present' || role.of === undefined) break;
          const id = createdId(at, role.of);
          if (!id) break;
          judged++;
          const list = listOf(exchange);
          if (!list) {
            findings.push({ step: index, message: `listing answered ${describeStatus(exchange)} without a data array` });
            break;
          }
          if (list.items.some((item) => item.id === id)) break;
          // Only a complete listing proves absence; a partial page may just not reach it.
          const complete = list.total === undefined || list.total <= list.items.length;
          if (complete)
            findings.push({
              step: index,
              message: `created ${role.resource} ${id} is missing from the listing (${list.items.length} items shown, total ${list.total ?? 'not given'})`,
            });
          break;
        }
        case 'model-change':
        case 'model-read': {
          if (!isModelRequest(exchange)) break;
          judged++;
          if (!isSuccess(exchange)) {
            findings.push({
              step: index,
              message: `the model this run produced answered ${describeStatus(exchange)} to ${role.role === 'model-read' ? 'retrieve' : role.change}`,
            });
            break;
          }
          for (const [k, v] of Object.entries(role.expect)) {
            // A change's answer may leave a defaulted field out; the read-back after it must show it.
            const shown = body !== undefined && (k in body || role.role === 'model-read');
            if (!body || (shown && !sameValue(body[k], v)))
              findings.push({
                step: index,
                message: `model ${role.role === 'model-read' ? 'read back' : role.change} shows ${k} ${JSON.stringify(body?.[k])}\nReceived: ${JSON.stringify(body?.[k])}\nExpected: ${JSON.stringify(v)}`,
              });
          }
          break;
        }
        default:
          break;
      }
    }
    return judged ? findings : nothingToJudge('created resource to read back');
  },
);
