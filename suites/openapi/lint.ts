// Spec lint: finds defects of the document as published (`spec.literal`) and says which ones an
// applied erratum fixes. Rules live one per file in lint-rules/; this file runs them and attributes.
import { joinPointer } from './json-pointer.js';
import { selectPaths } from './jsonpath.js';
import { makeLintContext } from './lint-context.js';
import { LINT_RULES } from './lint-rules/index.js';
import type { LintRule, LintSeverity, RuleFinding } from './lint-rules/types.js';
import type { LoadedSpec } from './load-spec.js';
import type { Normalisation } from './normalize.js';

export interface LintFinding {
  rule: string;
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  /** Id of the applied erratum that corrects this defect in the document the run uses. */
  fixedByErratum?: string;
}

export { formatLintFindings } from './lint-format.js';
export { LINT_RULES } from './lint-rules/index.js';

type Obj = Record<string, unknown>;

/** Lint rules whose defect the loader's normalisation erases, so the normalised document cannot show it. */
const NORMALISED_BY: Record<string, Normalisation['rule']> = {
  'nullable-in-31': 'nullable',
  'tuple-items': 'tuple-items',
  'exclusive-bound-boolean': 'exclusive-bound-boolean',
  'local-defs-ref': 'local-defs-ref',
};
const RULE_OF_NORMALISATION: Record<Normalisation['rule'], string> = {
  nullable: 'nullable-in-31',
  'tuple-items': 'tuple-items',
  'exclusive-bound-boolean': 'exclusive-bound-boolean',
  'local-defs-ref': 'local-defs-ref',
};

function runRules(rules: readonly LintRule[], ctx: ReturnType<typeof makeLintContext>): Array<RuleFinding & { rule: string; severity: LintSeverity }> {
  return rules.flatMap((rule) => rule.check(ctx).map((f) => ({ ...f, rule: rule.id, severity: rule.severity })));
}

/** Lints one raw document (no errata attribution). */
export function lintDocument(doc: Obj, rules: readonly LintRule[] = LINT_RULES): LintFinding[] {
  return runRules(rules, makeLintContext(doc));
}

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

export function lintSpec(spec: LoadedSpec, rules: readonly LintRule[] = LINT_RULES): LintFinding[] {
  const findings: LintFinding[] = runRules(rules, makeLintContext(spec.literal));
  const key = (rule: string, pointer: string): string => `${rule} ${pointer}`;

  if (spec.errata.length > 0) {
    // What the run's document still shows: re-lint it, and for defects normalisation erases, ask
    // whether the loader still had to normalise them after the errata were applied.
    const remaining = new Set(runRules(rules, makeLintContext(spec.document, spec.validators)).map((f) => key(f.rule, f.pointer)));
    const normalised = new Set(spec.normalisations.map((n) => key(n.rule, n.pointer)));
    const stillThere = (f: LintFinding): boolean => {
      const erased = NORMALISED_BY[f.rule];
      return erased ? normalised.has(key(erased, f.pointer)) : remaining.has(key(f.rule, f.pointer));
    };
    const targets = spec.errata
      .filter((e) => e.matched > 0)
      .map((e) => {
        let pointers: string[] = [];
        try {
          pointers = selectPaths(spec.literal, e.target).map((p) => joinPointer('', ...p));
        } catch {
          /* a target the applier accepted always parses; be safe */
        }
        return { id: e.id, pointers: [...pointers, ...(e.fixes ?? [])] };
      });
    for (const f of findings) {
      if (stillThere(f)) continue;
      // The erratum aimed closest at the finding (fewest levels between the two pointers): an action on an
      // example beats one on its whole media type, and the other way round for a media type's finding.
      let best: { id: string; distance: number } | undefined;
      for (const t of targets)
        for (const p of t.pointers) {
          const distance = Math.abs(p.split('/').length - f.pointer.split('/').length);
          if (related(p, f.pointer) && (!best || distance < best.distance)) best = { id: t.id, distance };
        }
      if (best) f.fixedByErratum = best.id;
    }
  }

  // Normalisations nothing above reported (an OpenAPI 3.0 habit, or a construct an erratum brought in).
  const reported = new Set(findings.map((f) => key(f.rule, f.pointer)));
  for (const n of spec.normalisations) {
    const rule = RULE_OF_NORMALISATION[n.rule];
    if (reported.has(key(rule, n.pointer))) continue;
    findings.push({ rule, pointer: n.pointer, message: `${n.detail} (normalised by the loader)`, severity: 'warning' });
  }
  for (const e of spec.errata) {
    if (e.matched === 0)
      findings.push({
        rule: 'erratum-unmatched',
        pointer: '',
        message: `erratum ${e.id} (${e.target}) matches nothing in this document: it no longer applies`,
        severity: 'warning',
      });
  }
  return findings;
}
