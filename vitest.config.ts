import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{specs,suites,reporters,fixtures,bench}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Servers in tests bind 127.0.0.1 on ephemeral ports; files run in parallel safely.
    pool: 'forks',
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-report.json' },
  },
});
