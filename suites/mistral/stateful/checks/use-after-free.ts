// use-after-free: a deleted resource is gone (retrieve, download and a second delete answer 404, the
// listing no longer shows it), a delete says so, and an id that never existed is not found either.
import type { Exchange } from '../../../engine/types.js';
import { bodyOf, describeStatus, isSuccess, listOf, statusOf } from '../exchange-data.js';
import { createdId, idInPath, isModelRequest } from './resource-ids.js';
import { nothingToJudge, statefulCheck, type Finding, type StepView } from './stateful-check.js';

const GONE = [404, 410];

function goneFinding(index: number, exchange: Exchange, what: string, action: string): Finding | undefined {
  const status = statusOf(exchange);
  if (status === undefined) return undefined; // transport failures are other checks' business
  if (GONE.includes(status)) return undefined;
  const body = bodyOf(exchange);
  // RetrieveFileOut documents a `deleted` flag: a soft-deleted file shown as such is tolerated, loudly.
  if (isSuccess(exchange) && action === 'retrieve' && body?.deleted === true) {
    return { step: index, message: `${what} answers ${status} with deleted: true instead of 404 (soft delete)`, warning: true };
  }
  if (isSuccess(exchange)) return { step: index, message: `${what} still answers ${status} to ${action}\nReceived: ${status}\nExpected: 404` };
  if (status >= 500) return { step: index, message: `${what} answered ${status} to ${action}\nExpected: 404` };
  return { step: index, message: `${what} answered ${status} to ${action}; 404 is the documented way to say it does not exist`, warning: true };
}

/** The delete step of the same resource succeeded before `index`. */
function deletedBefore(steps: StepView[], of: number, index: number, resource: string): boolean {
  return steps.some(
    (s) =>
      s.index < index &&
      s.role.role === 'delete' &&
      s.role.of === of &&
      s.role.resource === resource &&
      isSuccess(s.exchange) &&
      (resource !== 'model' || isModelRequest(s.exchange)),
  );
}

export const useAfterFree = statefulCheck(
  {
    id: 'use-after-free',
    title: 'Deleted or unknown resource still served',
    severity: 'high',
    description: 'Deleted resources are gone: retrieve, download and delete answer 404 and listings no longer show them; unknown ids answer 404.',
  },
  ({ steps, at }) => {
    const findings: Finding[] = [];
    let judged = 0;
    for (const { index, role, exchange } of steps) {
      switch (role.role) {
        case 'delete': {
          // A delete step that fell back to a read (nothing to delete yet) is not judged.
          if (exchange.request.method !== 'DELETE' || (role.resource === 'model' && !isModelRequest(exchange))) break;
          if (statusOf(exchange) === undefined) break;
          judged++;
          const id = idInPath(exchange);
          if (!isSuccess(exchange)) {
            findings.push({ step: index, message: `deleting ${role.resource} ${id ?? ''} that this run created answered ${describeStatus(exchange)}` });
            break;
          }
          const body = bodyOf(exchange);
          if (body && body.deleted === false)
            findings.push({
              step: index,
              message: `delete of ${role.resource} ${id} answered deleted: false\nReceived: {"deleted": false}\nExpected: {"deleted": true}`,
            });
          if (body && typeof body.id === 'string' && id !== undefined && body.id !== id)
            findings.push({ step: index, message: `delete answered for another id\nReceived id: ${body.id}\nExpected id: ${id}` });
          break;
        }
        case 'gone': {
          if (!deletedBefore(steps, role.of, index, role.resource)) break;
          if (role.resource === 'model' && !isModelRequest(exchange)) break;
          judged++;
          const id = role.resource === 'model' ? idInPath(exchange) : createdId(at, role.of);
          const f = goneFinding(index, exchange, `deleted ${role.resource} ${id ?? ''}`, role.action);
          if (f) findings.push(f);
          break;
        }
        case 'unknown-id': {
          judged++;
          const f = goneFinding(index, exchange, `${role.resource} id ${role.id}, which never existed,`, 'a read');
          if (f) findings.push(f);
          break;
        }
        case 'list': {
          if (role.presence !== 'absent' || role.of === undefined) break;
          const id = createdId(at, role.of);
          const list = listOf(exchange);
          if (!id || !list) break;
          judged++;
          if (list.items.some((item) => item.id === id)) findings.push({ step: index, message: `deleted ${role.resource} ${id} is still listed` });
          break;
        }
        default:
          break;
      }
    }
    return judged ? findings : nothingToJudge('deleted or unknown resource');
  },
);
