// Cutting long text for messages and reports: the first `max` characters, an ellipsis, then a note on
// what was cut in the words each output has always used (reports are compared byte for byte).

export type ClipNote = (cut: number, length: number) => string;

export function clip(text: string, max: number, note?: ClipNote): string {
  return text.length > max ? `${text.slice(0, max)}…${note ? note(text.length - max, text.length) : ''}` : text;
}

/** ` (1234 chars)`: the whole length (check messages quoting a body). */
export const wholeLength: ClipNote = (_cut, length) => ` (${length} chars)`;
/** ` [12 more characters]`: how much the transport left out of a body it keeps. */
export const moreCharacters: ClipNote = (cut) => ` [${cut} more characters]`;
/** ` [12 more chars]`: how much a text report left out. */
export const moreChars: ClipNote = (cut) => ` [${cut} more chars]`;
