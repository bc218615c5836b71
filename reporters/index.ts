// The reporters' public API.
export { redact, REDACTED, type RenderOptions } from './render-options.js';
export { sanitizeResults } from './sanitize.js';
export { renderJson, parseReport, REPORT_FORMAT } from './json.js';
export { renderJunit } from './junit.js';
export { renderCtrf, toCtrf, CTRF_SPEC_VERSION, type CtrfReport } from './ctrf.js';
export { renderConsole, type ConsoleOptions } from './console.js';
export { renderMarkdown, GITHUB_COMMENT_LIMIT } from './markdown.js';
export { renderHtml } from './html.js';
export { createNdjsonWriter, readEventLog, EVENT_LOG_FORMAT, type NdjsonWriter } from './ndjson.js';
export { writeReports, rebuildReports, FILE_REPORTERS, type FileReporter, type WriteOptions } from './write-reports.js';
export { renderCompare, compareMatrix, SCORE_DEFINITION, type CompareMatrix } from './compare.js';
export { diffRuns, renderDiff, type RunDiff, type DiffOptions } from './diff.js';
export {
  applyBaseline,
  makeBaseline,
  parseBaseline,
  loadBaseline,
  renderBaseline,
  describeBaselineIssues,
  BASELINE_FORMAT,
  type Baseline,
  type BaselineEntry,
  type BaselineApplied,
} from './baseline.js';
export { verdictLine } from './summarize.js';
