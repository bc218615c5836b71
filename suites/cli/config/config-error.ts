// One error type for everything that can go wrong with a configuration file, so the CLI can print
// it as one line and exit 2. Keeps every issue for tools that want them all.
export interface ConfigIssue {
  /** Where, in the notation users write: `targets.vendorA.concurrency`, `defaults.models[1]`. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  constructor(reason: string, issues: ConfigIssue[] = [], verb = 'read config') {
    super(`[mistral-conformance] Failed to ${verb}: ${reason}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }

  static fromIssues(issues: ConfigIssue[], verb?: string): ConfigError {
    const first = issues[0];
    if (!first) return new ConfigError('invalid configuration', [], verb);
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return new ConfigError(`${first.path ? `${first.path} ` : ''}${first.message}${more}`, issues, verb);
  }
}
