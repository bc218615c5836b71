// RFC 6901 JSON pointers, used to address schemas inside the bundled document.

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => `/${escapeToken(String(t))}`).join('');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!p.startsWith('/')) throw new Error(`Not a JSON pointer: ${pointer}`);
  return p
    .slice(1)
    .split('/')
    .map((t) => unescapeToken(decodeURIComponent(t)));
}

export function getAtPointer(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const token of splitPointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

/** The pointer as a URI fragment (`#/a%20b/c`): each token percent-encoded, as `$ref`s into a document want it. */
export function pointerToFragment(pointer: string): string {
  return `#${pointer
    .split('/')
    .map((t, i) => (i === 0 ? t : encodeURIComponent(t)))
    .join('/')}`;
}
