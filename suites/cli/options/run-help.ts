// `run --help`, from the options table: one line per flag, by section, with its default.
import { defaultText, SECTION_TITLES, type Section } from '../../options/row.js';
import { OPTIONS, type TableRow } from '../../options/table.js';

const USAGE = `Usage: mistral-conformance run --target URL [options]
       mistral-conformance run --embedded [--fault NAME]     (against the built-in reference server)
       mistral-conformance run --config FILE [--target-name NAME]
`;
const FLAG_COLUMN = 26;

export function renderRunHelp(rows: readonly TableRow[] = OPTIONS): string {
  const lines = [USAGE];
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    const flagged = rows.filter((r) => r.section === section && 'flag' in r && r.flag !== undefined);
    if (!flagged.length) continue;
    lines.push(SECTION_TITLES[section]);
    for (const r of flagged) lines.push(helpLine(r));
  }
  const fileOnly = rows.flatMap((r) => (!('flag' in r) && 'config' in r ? [r.config] : []));
  lines.push('', `Config file only: ${fileOnly.join(', ')} (see the README's table of options).`, '');
  return lines.join('\n');
}

function helpLine(r: TableRow): string {
  const flag = `  --${'flag' in r ? r.flag : ''}${'arg' in r && r.arg ? ` ${r.arg}` : ''}`;
  const notes = [...('repeatable' in r && r.repeatable ? ['repeatable'] : []), ...(defaultText(r) !== undefined ? [`default: ${defaultText(r)}`] : [])];
  const text = `${r.help}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  return flag.length + 2 <= FLAG_COLUMN ? `${flag.padEnd(FLAG_COLUMN)}${text}` : `${flag}  ${text}`;
}
