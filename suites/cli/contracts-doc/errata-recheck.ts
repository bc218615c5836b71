// Each erratum of one contract re-checked against another contract's document: is the defect it fixed
// still there (same lint rule at the same place), which erratum of the other contract fixes it now, and
// what its target would select in that document (an old erratum applied blindly can hit schemas whose
// meaning changed).
import { lintSpecCached } from '../../openapi/lint-cache.js';
import type { LintFinding } from '../../openapi/lint.js';
import { loadSpec } from '../../openapi/load-spec.js';
import { contractErrataPath, contractSpecPath, type MistralContract } from '../../mistral/contracts.js';

export interface ErratumRecheck {
  id: string;
  description: string;
  /** The lint findings it fixes in its own contract, and whether each is still in the other document. */
  defects: Array<{ rule: string; pointer: string; stillThere: boolean; fixedThereBy?: string }>;
  status: 'fixed upstream' | 'still needed' | 'partly fixed upstream' | 'no lint finding';
  /** Errata of the other contract that fix the same defects. */
  carriedAs: string[];
  /** Nodes its target selects in the other document. */
  matchedThere: number;
}

const key = (f: Pick<LintFinding, 'rule' | 'pointer'>): string => `${f.rule} ${f.pointer}`;

export async function recheckErrata(from: MistralContract, against: MistralContract): Promise<ErratumRecheck[]> {
  const own = await loadSpec(contractSpecPath(from), { overlays: [contractErrataPath(from)] });
  const there = await loadSpec(contractSpecPath(against), { overlays: [contractErrataPath(against)] });
  const blind = await loadSpec(contractSpecPath(against), { overlays: [contractErrataPath(from)] });
  const ownFindings = lintSpecCached(own);
  const thereFindings = new Map(lintSpecCached(there).map((f) => [key(f), f]));
  return own.errata.map((e) => {
    const defects = ownFindings
      .filter((f) => f.fixedByErratum === e.id)
      .map((f) => {
        const t = thereFindings.get(key(f));
        return { rule: f.rule, pointer: f.pointer, stillThere: t !== undefined, ...(t?.fixedByErratum ? { fixedThereBy: t.fixedByErratum } : {}) };
      });
    const still = defects.filter((d) => d.stillThere).length;
    const status: ErratumRecheck['status'] = !defects.length
      ? 'no lint finding'
      : still === 0
        ? 'fixed upstream'
        : still === defects.length
          ? 'still needed'
          : 'partly fixed upstream';
    return {
      id: e.id,
      description: e.description,
      defects,
      status,
      carriedAs: [...new Set(defects.flatMap((d) => (d.fixedThereBy ? [d.fixedThereBy] : [])))],
      matchedThere: blind.errata.find((b) => b.id === e.id)?.matched ?? 0,
    };
  });
}
