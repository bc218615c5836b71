import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure functions and in-process fakes; threads without isolation, well under a
// minute on two cores) and `integration` (whole runs, child processes, signals, a browser; forked).
// A file is an integration test by name: `*.integration.test.ts` or `*.browser.test.ts`.
const INTEGRATION = ['{specs,suites,reporters,fixtures,bench}/**/*.integration.test.ts', '{specs,suites,reporters,fixtures,bench}/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-report.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{specs,suites,reporters,fixtures,bench}/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...INTEGRATION],
          pool: 'threads',
          // Unit tests hold no global state between files; sharing one module graph saves ~25 s of imports.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          // Servers bind 127.0.0.1 on ephemeral ports; child processes and signals need real processes.
          pool: 'forks',
        },
      },
    ],
  },
});
