// OpenAPI Overlay 1.0 applier: each action selects nodes with a JSONPath `target` and either
// removes them or merges `update` into them. Errata for a spec are shipped as such an overlay, one
// action per defect, so the published document stays byte-for-byte untouched.
import { readDocument, SpecReadError, type ReadLimits } from './read-document.js';
import { isObject } from './is-object.js';
import { selectPaths, type PathSegment } from './jsonpath.js';

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
  /** Our extension: why this action exists (a link, a recording, a quote). */
  'x-evidence'?: string | string[];
  /** Our extension: a stable id for the defect, used in reports and `--errata-exclude`. */
  'x-id'?: string;
  /**
   * Our extension: JSON pointers of defects this action corrects elsewhere in the document (an
   * example that fails only because of the schema this action fixes). Lint attributes a finding at
   * such a pointer to this erratum, once it has checked that the finding is gone.
   */
  'x-fixes'?: string[];
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
  source: string;
}

export interface AppliedOverlayAction {
  id: string;
  target: string;
  description: string;
  evidence: string[];
  overlay: string;
  /** How many nodes the target selected; 0 means the erratum no longer applies to this document. */
  matched: number;
  /** Pointers of defects corrected elsewhere (`x-fixes`), besides the target's own. */
  fixes?: string[];
}

export async function loadOverlay(location: string, limits?: ReadLimits): Promise<OverlayDocument> {
  const read = await readDocument(location, limits);
  return parseOverlay(read.value, location);
}

export function parseOverlay(value: unknown, source: string): OverlayDocument {
  if (!isObject(value) || typeof value.overlay !== 'string' || !Array.isArray(value.actions)) {
    throw new SpecReadError(`${source} is not an OpenAPI Overlay document (needs "overlay" and "actions")`);
  }
  value.actions.forEach((a, i) => {
    if (!isObject(a) || typeof a.target !== 'string') throw new SpecReadError(`${source}: actions[${i}] has no "target"`);
    if (!('update' in a) && a.remove !== true) throw new SpecReadError(`${source}: actions[${i}] has neither "update" nor "remove: true"`);
    const fixes = a['x-fixes'];
    if (fixes !== undefined && (!Array.isArray(fixes) || !fixes.every((f) => typeof f === 'string' && (f === '' || f.startsWith('/')))))
      throw new SpecReadError(`${source}: actions[${i}] "x-fixes" must be a list of JSON pointers`);
  });
  const info = isObject(value.info) ? value.info : {};
  return {
    overlay: value.overlay,
    info: { title: String(info.title ?? source), version: String(info.version ?? '') },
    actions: value.actions as OverlayAction[],
    source,
    ...(typeof value.extends === 'string' ? { extends: value.extends } : {}),
  };
}

/**
 * Overlay 1.0 update: a selected array gets the update appended; a selected object gets the update's
 * members merged in (objects recursively, anything else, arrays included, replaced).
 */
function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? structuredClone(update) : [structuredClone(update)])];
  return mergeMembers(target, update);
}

function mergeMembers(target: unknown, update: unknown): unknown {
  if (isObject(target) && isObject(update)) {
    for (const [k, v] of Object.entries(update)) target[k] = mergeMembers(target[k], v);
    return target;
  }
  return structuredClone(update);
}

function parentOf(doc: unknown, path: PathSegment[]): unknown {
  let cur = doc;
  for (const seg of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[seg];
  return cur;
}

export function applyOverlay(doc: Record<string, unknown>, overlay: OverlayDocument): AppliedOverlayAction[] {
  return overlay.actions.map((action, i) => {
    const paths = selectPaths(doc, action.target);
    if (action.remove === true) {
      // Remove from the end so array indexes of later matches stay valid.
      for (const path of [...paths].reverse()) {
        const parent = parentOf(doc, path);
        const last = path[path.length - 1]!;
        if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
        else if (isObject(parent)) delete parent[last];
      }
    } else {
      for (const path of paths) {
        if (path.length === 0) {
          merge(doc, action.update);
          continue;
        }
        const parent = parentOf(doc, path) as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        parent[last] = merge(parent[last], action.update);
      }
    }
    const evidence = action['x-evidence'];
    const fixes = action['x-fixes'];
    return {
      id: action['x-id'] ?? `${overlay.info.title}#${i}`,
      target: action.target,
      description: action.description ?? '',
      evidence: evidence === undefined ? [] : Array.isArray(evidence) ? evidence : [evidence],
      overlay: overlay.source,
      matched: paths.length,
      ...(fixes?.length ? { fixes } : {}),
    };
  });
}
