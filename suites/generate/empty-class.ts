// fast-check draws a negated class (`[^...]`) by filtering random characters: a class no character
// belongs to (`[^\s\S]`, `[^\d\D]`) makes that filter loop for ever, so a spec pattern holding one would
// hang generation. Such classes are found first, by testing the class against every BMP code point and
// a sample of the others (a few milliseconds, only for negated classes).

/** The negated classes of an ECMAScript pattern, as written (`[^...]`). */
export function negatedClasses(source: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '[') continue;
    let j = i + 1;
    while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    if (source[i + 1] === '^') out.push(source.slice(i, j + 1));
    i = j;
  }
  return out;
}

function classMatchesSomething(cls: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^${cls}$`, 'u');
  } catch {
    return true;
  }
  for (let cp = 0; cp <= 0xffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && re.test(String.fromCodePoint(cp))) return true;
  for (let cp = 0x10000; cp <= 0x10ffff; cp += 97) if (re.test(String.fromCodePoint(cp))) return true;
  return false;
}

/** Whether some negated class of `source` holds no character: no string can match, and fast-check would hang trying. */
export function hasEmptyNegatedClass(source: string): boolean {
  return negatedClasses(source).some((cls) => !classMatchesSomething(cls));
}
