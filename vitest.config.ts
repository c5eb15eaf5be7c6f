import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      // some unit files run ESLint, electron-builder's schema or a headless Lexical: seconds on a busy
      // 2-core machine, which is not what these tests are about (speed is `npm run bench`)
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'], environment: 'node', testTimeout: 20_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // one browser at a time on a 2-core machine
          fileParallelism: false,
        },
      },
    ],
  },
})
