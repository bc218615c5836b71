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
    try {
      selectPaths({}, a.target);
    } catch (err) {
      throw new SpecReadError(`${source}: actions[${i}] target ${(err as Error).message}`);
    }
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

/** Where a selected node sits: its parent (object or array) and its key there; the root has none. */
interface Location {
  parent: Record<string, unknown> | unknown[] | undefined;
  key: PathSegment;
}

/** Resolves every location before anything changes, so one action's edits cannot move its other targets. */
function locate(doc: unknown, paths: PathSegment[][]): Location[] {
  return paths.map((path) => {
    let parent: unknown;
    let node = doc;
    for (const seg of path) {
      parent = node;
      node = Array.isArray(node) ? node[seg as number] : isObject(node) ? node[seg as string] : undefined;
    }
    return { parent: Array.isArray(parent) || isObject(parent) ? parent : undefined, key: path[path.length - 1] ?? '' };
  });
}

function remove(locations: Location[]): void {
  // Array items go last index first (a union or slice may name them in any order): earlier removals
  // would shift the indexes of later ones.
  const items = locations.filter((l): l is { parent: unknown[]; key: number } => Array.isArray(l.parent) && typeof l.key === 'number');
  for (const { parent, key } of items.sort((a, b) => b.key - a.key)) parent.splice(key, 1);
  for (const { parent, key } of locations) if (isObject(parent)) delete parent[key];
}

function update(doc: Record<string, unknown>, locations: Location[], value: unknown): void {
  for (const { parent, key } of locations) {
    if (parent === undefined) merge(doc, value);
    else if (Array.isArray(parent)) parent[key as number] = merge(parent[key as number], value);
    else parent[key] = merge(parent[key], value);
  }
}

export function applyOverlay(doc: Record<string, unknown>, overlay: OverlayDocument): AppliedOverlayAction[] {
  return overlay.actions.map((action, i) => {
    const paths = selectPaths(doc, action.target);
    const locations = locate(doc, paths);
    if (action.remove === true) remove(locations);
    else update(doc, locations, action.update);
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
