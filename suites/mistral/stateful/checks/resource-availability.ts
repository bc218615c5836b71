// resource-availability: what the chain created can be read back (retrieve, list, download) and reads
// show what was created (name, purpose, model, suffix; a model's name, description, archived flag).
// One judge per kind of step; each says what it found, or `null` when the step gave it nothing to judge.
import { bodyOf, describeStatus, isSuccess, listOf } from '../exchange-data.js';
import type { StepRole } from '../meta.js';
import { createdId, isModelRequest, sameValue } from './resource-ids.js';
import { nothingToJudge, statefulCheck, type Finding, type StepView } from './stateful-check.js';

type At = (index: number) => StepView | undefined;
type StepOf<R extends StepRole['role']> = StepView & { role: Extract<StepRole, { role: R }> };

/** The fields a create step sent that the answers must show. */
function sentFields(create: Extract<StepRole, { role: 'create' }>): Record<string, unknown> {
  return { ...(create.upload ? { filename: create.upload.filename, purpose: create.upload.purpose } : {}), ...create.expect };
}

function judgeCreate({ index, role, exchange }: StepOf<'create'>): Finding[] {
  if (!isSuccess(exchange)) {
    // Servers may refuse our small inputs for reasons of their own; the generic checks judge the status.
    return [{ step: index, message: `creating the ${role.resource} answered ${describeStatus(exchange)}; the rest of the chain could not run`, warning: true }];
  }
  const body = bodyOf(exchange);
  if (typeof body?.id !== 'string' || body.id === '') return [{ step: index, message: `the ${role.resource} was created but the response carries no id` }];
  return Object.entries(sentFields(role))
    .filter(([k, v]) => k in body && !sameValue(body[k], v))
    .map(([k, v]) => ({
      step: index,
      message: `created ${role.resource} ${body.id} has ${k} ${JSON.stringify(body[k])}\nReceived: ${JSON.stringify(body[k])}\nExpected (as sent): ${JSON.stringify(v)}`,
    }));
}

function judgeRead({ index, role, exchange }: StepOf<'retrieve' | 'job-poll' | 'download'>, at: At): Finding[] | null {
  const id = createdId(at, role.of);
  if (!id) return null;
  if (!isSuccess(exchange))
    return [{ step: index, message: `created ${'resource' in role ? role.resource : 'file'} ${id} answered ${describeStatus(exchange)} to ${role.role}` }];
  if (role.role === 'download') return [];
  const body = bodyOf(exchange);
  if (body?.id !== id) {
    return [
      { step: index, message: `retrieving ${id} answered a different resource\nReceived id: ${JSON.stringify(body?.id)}\nExpected id: ${JSON.stringify(id)}` },
    ];
  }
  const create = at(role.of)?.role;
  if (create?.role !== 'create') return [];
  return (
    Object.entries(sentFields(create))
      // A started job may report auto_start differently; the create echo is checked.
      .filter(([k, v]) => k !== 'auto_start' && k in body && !sameValue(body[k], v))
      .map(([k, v]) => ({ step: index, message: `${id} reads back ${k} ${JSON.stringify(body[k])}, created with ${JSON.stringify(v)}` }))
  );
}

function judgeListing({ index, role, exchange }: StepOf<'list'>, at: At): Finding[] | null {
  if (role.presence !== 'present' || role.of === undefined) return null;
  const id = createdId(at, role.of);
  if (!id) return null;
  const list = listOf(exchange);
  if (!list) return [{ step: index, message: `listing answered ${describeStatus(exchange)} without a data array` }];
  if (list.items.some((item) => item.id === id)) return [];
  // Only a complete listing proves absence; a partial page may just not reach it.
  const complete = list.total === undefined || list.total <= list.items.length;
  if (!complete) return [];
  return [
    {
      step: index,
      message: `created ${role.resource} ${id} is missing from the listing (${list.items.length} items shown, total ${list.total ?? 'not given'})`,
    },
  ];
}

function judgeModel({ index, role, exchange }: StepOf<'model-change' | 'model-read'>): Finding[] | null {
  if (!isModelRequest(exchange)) return null;
  const action = role.role === 'model-read' ? 'retrieve' : role.change;
  if (!isSuccess(exchange)) return [{ step: index, message: `the model this run produced answered ${describeStatus(exchange)} to ${action}` }];
  const body = bodyOf(exchange);
  const what = role.role === 'model-read' ? 'read back' : role.change;
  // A change's answer may leave a defaulted field out; the read-back after it must show it.
  return Object.entries(role.expect)
    .filter(([k, v]) => !body || ((k in body || role.role === 'model-read') && !sameValue(body[k], v)))
    .map(([k, v]) => ({
      step: index,
      message: `model ${what} shows ${k} ${JSON.stringify(body?.[k])}\nReceived: ${JSON.stringify(body?.[k])}\nExpected: ${JSON.stringify(v)}`,
    }));
}

function judgeStep(step: StepView, at: At): Finding[] | null {
  const { role } = step;
  switch (role.role) {
    case 'create':
      return judgeCreate({ ...step, role });
    case 'retrieve':
    case 'job-poll':
    case 'download':
      return judgeRead({ ...step, role }, at);
    case 'list':
      return judgeListing({ ...step, role }, at);
    case 'model-change':
    case 'model-read':
      return judgeModel({ ...step, role });
    default:
      return null;
  }
}

export const resourceAvailability = statefulCheck(
  {
    id: 'resource-availability',
    title: 'Created resource not available',
    severity: 'high',
    description: 'Resources the run created can be retrieved, listed and downloaded, and reads show what was created.',
  },
  ({ steps, at }) => {
    const verdicts = steps.map((s) => judgeStep(s, at)).filter((v): v is Finding[] => v !== null);
    return verdicts.length ? verdicts.flat() : nothingToJudge('created resource to read back');
  },
);
