// Parts of README.md generated from the code (tables of checks and of options), between markers:
// `npm run docs` rewrites them, tests compare them.

/** The section from its start marker to its end marker, both included ('' when absent). */
export function generatedSection(readme: string, start: string, end: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  return from < 0 || to < 0 ? '' : readme.slice(from, to + end.length);
}

/** `readme` with the section replaced by `content` (which carries the markers). */
export function replaceGeneratedSection(readme: string, start: string, end: string, content: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README has no "${start}" ... "${end}" markers`);
  return readme.slice(0, from) + content + readme.slice(to + end.length);
}
