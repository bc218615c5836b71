// Loads an OpenAPI 3.0/3.1 document into the model every other part works from:
// read → bundle external refs → apply overlays (errata) → normalise to 2020-12 → operations.
import { bundleExternalRefs } from './bundle.js';
import type { Operation, SpecInfo } from './model.js';
import { buildOperations } from './operations.js';
import { normaliseDocument, type Normalisation } from './normalize.js';
import { applyOverlay, loadOverlay, type AppliedOverlayAction } from './overlay.js';
import { DEFAULT_READ_LIMITS, readDocument, SpecReadError } from './read-document.js';
import { isObject } from './is-object.js';
import { createValidators, type SchemaValidators } from './validation.js';

export interface LoadedSpec {
  info: SpecInfo;
  /** The document as published (bundled, before overlays and normalisation). */
  literal: Record<string, unknown>;
  /** The document the run uses: overlays applied, normalised to JSON Schema 2020-12. */
  document: Record<string, unknown>;
  operations: Operation[];
  normalisations: Normalisation[];
  errata: AppliedOverlayAction[];
  validators: SchemaValidators;
  /**
   * When the run validates the literal document (`--no-errata`), the same document with its errata,
   * so that checks can tell a defect of the document from one of the server.
   */
  corrected?: LoadedSpec;
}

export interface LoadSpecOptions {
  /** Overlay documents (paths or URLs) to apply, in order. */
  overlays?: string[];
  /** Fetch `$ref`s to other origins (default false; see `BundleOptions`). */
  allowRemoteRefs?: boolean;
  /** Cap on the spec's size, all its documents together (default 4 MiB). */
  maxSpecBytes?: number;
}

export async function loadSpec(location: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const limits = { ...DEFAULT_READ_LIMITS, ...(options.maxSpecBytes !== undefined ? { maxBytes: options.maxSpecBytes } : {}) };
  const read = await readDocument(location, limits);
  if (!isObject(read.value)) throw new SpecReadError(`${location} is not an OpenAPI document (not an object)`);
  const version = read.value.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\./.test(version)) {
    const swagger = typeof read.value.swagger === 'string' ? ` (Swagger ${read.value.swagger})` : '';
    throw new SpecReadError(`${location} is not an OpenAPI 3.0 or 3.1 document${swagger}: "openapi" is ${JSON.stringify(version)}`);
  }
  const literal = (await bundleExternalRefs(read.value, location, {
    limits,
    usedBytes: Buffer.byteLength(read.text),
    ...(options.allowRemoteRefs ? { allowRemoteRefs: true } : {}),
  })) as Record<string, unknown>;
  const document = structuredClone(literal);
  const errata: AppliedOverlayAction[] = [];
  for (const overlayLocation of options.overlays ?? []) {
    errata.push(...applyOverlay(document, await loadOverlay(overlayLocation, limits)));
  }
  const normalisations = normaliseDocument(document);
  const operations = buildOperations(document);
  const info = isObject(document.info) ? document.info : {};
  return {
    info: {
      title: String(info.title ?? ''),
      version: String(info.version ?? ''),
      openapi: version,
      sha256: read.sha256,
      source: location,
    },
    literal,
    document,
    operations,
    normalisations,
    errata,
    validators: createValidators(document),
  };
}
