// `npm run bench`: builds the renderer, then prints one JSON line per measured figure.
import { execSync } from 'node:child_process'
execSync('npx vite build --logLevel error', { stdio: 'inherit' })
execSync('npx tsx tests/bench/run.ts', { stdio: 'inherit' })
