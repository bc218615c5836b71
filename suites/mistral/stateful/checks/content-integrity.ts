// content-integrity: a downloaded file is byte for byte what was uploaded, and every size the server
// reports for it (upload answer, retrieve, listing) is the uploaded length.
import { bodyOf, isSuccess, listOf } from '../exchange-data.js';
import { decodeBase64 } from '../meta.js';
import { createdId } from './resource-ids.js';
import { nothingToJudge, statefulCheck, type Finding } from './stateful-check.js';

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function hexAround(bytes: Uint8Array, at: number): string {
  return Buffer.from(bytes.subarray(Math.max(0, at - 4), at + 12)).toString('hex');
}

export const contentIntegrity = statefulCheck(
  {
    id: 'content-integrity',
    title: 'Stored content differs from the upload',
    severity: 'high',
    description: 'Downloaded bytes equal the uploaded bytes, and reported sizes equal the uploaded length.',
  },
  ({ steps, at }) => {
    const findings: Finding[] = [];
    let judged = 0;
    for (const { index, role, exchange } of steps) {
      const of = role.role === 'create' ? index : 'of' in role && typeof role.of === 'number' ? role.of : undefined;
      if (of === undefined) continue;
      const create = at(of)?.role;
      if (create?.role !== 'create' || !create.upload || !isSuccess(exchange)) continue;
      const uploaded = decodeBase64(create.upload.contentBase64);
      const id = createdId(at, of);
      if (role.role === 'download') {
        const response = exchange.response!;
        // Without the raw bytes, the text is only faithful when it was not cut off.
        const received = response.raw ?? (response.truncated ? undefined : new TextEncoder().encode(response.bodyText));
        if (!received) continue;
        judged++;
        const at = firstDifference(uploaded, received);
        if (at >= 0) {
          findings.push({
            step: index,
            message: `downloaded ${received.length} bytes differ from the ${uploaded.length} uploaded, first at offset ${at}\nReceived: ${hexAround(received, at)}\nUploaded: ${hexAround(uploaded, at)}`,
          });
        }
        continue;
      }
      const sizes: Array<{ value: unknown }> = [];
      if (role.role === 'create' || role.role === 'retrieve') sizes.push({ value: bodyOf(exchange)?.bytes });
      if (role.role === 'list') for (const item of listOf(exchange)?.items ?? []) if (item.id === id) sizes.push({ value: item.bytes });
      for (const { value } of sizes) {
        if (value === undefined) continue;
        judged++;
        if (value !== uploaded.length)
          findings.push({
            step: index,
            message: `file ${id} is reported as ${JSON.stringify(value)} bytes\nReceived: ${JSON.stringify(value)}\nUploaded: ${uploaded.length}`,
          });
      }
    }
    return judged ? findings : nothingToJudge('uploaded content to compare');
  },
);
