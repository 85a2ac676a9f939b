import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // A safety net, not a speed target (speed is npm run bench's): scrypt at N = 2^17 (issue 13) and real
    // child processes take seconds each on a loaded 2-CPU machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
