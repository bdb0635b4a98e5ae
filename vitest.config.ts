import { defineConfig } from 'vitest/config';

// Tests run in a non-UTC zone far from UTC so that any date bug that depends on the local zone shows.
process.env.TZ = 'Pacific/Chatham';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    env: { TZ: 'Pacific/Chatham' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two workers even on two cores: much of the suite waits on CLI child processes, PostgreSQL and Chromium.
    maxWorkers: 2,
  },
});
