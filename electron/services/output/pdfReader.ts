/**
 * pdf.js (the legacy build, for Node; minified, as it is parsed whenever a worker first reads a
 * PDF) and its worker module, bundled on their own as dist/electron/pdf-reader.cjs: a worker thread
 * evaluates this only when a task reads a PDF — an import or verify (worker/pdfjs.ts) — so no other
 * task pays for parsing it.
 */
export * as pdfjs from 'pdfjs-dist/legacy/build/pdf.min.mjs'
export * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs'
