import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { benchPdf } from './tests/bench/output'
import { longSummary } from './tests/helpers/outputDocs'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-'))
await benchPdf(dir, longSummary(65_000), 65000)
