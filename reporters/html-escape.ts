// Escaping for the HTML report. Everything from a run is untrusted (response bodies come from the
// server under test), so text goes through escapeHtml and embedded data through jsonForScript.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON to place inside `<script type="application/json">`: `<`, `>` and `&` become \u escapes so no
 * `</script>` or `<!--` can end or bend the element; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
