// Config files may carry comments (`//` to the end of the line, `/* ... */`), as tsconfig.json and
// biome.json do: `init` writes a commented starter. Comments become spaces (line breaks kept), so JSON
// errors still point at the right line and column; text inside strings is left alone.

export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // An unclosed comment is left as is: JSON.parse then reports it where it starts.
      if (end < 0) return out + text.slice(i);
      out += blank(text.slice(i, end + 2));
      i = end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the string starting at `start` (its opening quote); the text's end if unclosed. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else if (text[i] === '\n') return i;
    else i++;
  }
  return text.length;
}

function blank(comment: string): string {
  return comment.replace(/[^\r\n]/g, ' ');
}
