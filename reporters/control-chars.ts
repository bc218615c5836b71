// Characters a reader's tools act on instead of showing: C0 controls (ESC starts terminal sequences
// that recolour, retitle or rewrite the screen; a lone CR overwrites a line, e.g. with a fake PASS),
// DEL, C1 controls (some terminals take U+009B as ESC [) and the bidirectional overrides that reorder
// what a reviewer reads ("Trojan Source"). Everything a target sends can reach a report, so every
// text format shows them as visible `\u001b`-style escapes. Tab and line feed stay; CRLF becomes LF.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Those JSON.stringify leaves raw (it escapes C0 itself). */
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function hex(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text for a terminal, Markdown, HTML or XML: controls as visible escapes (not reversible: for display). */
export function escapeControls(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(CONTROL, hex);
}

/** JSON text with the controls JSON.stringify leaves raw written as `\u` escapes: the same value, no raw control byte. */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW, hex);
}
