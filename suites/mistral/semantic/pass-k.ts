// pass@k / pass^k for behaviour judged over k repetitions of the same request: pass@k holds when at
// least one repetition held, pass^k when all did. Contractual behaviour (JSON mode, forced tool
// calls, seeded determinism) is judged by pass^k: a guarantee that holds only sometimes is broken.

export interface PassK {
  held: number;
  judged: number;
  passAt: boolean;
  passHat: boolean;
}

export function passK(results: boolean[]): PassK {
  const held = results.filter(Boolean).length;
  return { held, judged: results.length, passAt: held > 0, passHat: results.length > 0 && held === results.length };
}

export function describePassK(r: PassK): string {
  const k = r.judged;
  return `${r.held} of ${k} held: pass@${k} ${r.passAt ? 'held' : 'failed'}, pass^${k} ${r.passHat ? 'held' : 'failed'} (verdict by pass^${k})`;
}
