/**
 * pdf.js (the legacy build, for Node) and its worker module, bundled on their own as
 * dist/electron/pdf-reader.cjs: the worker thread evaluates this only for a PDF task (pdfText.ts),
 * so no other task pays for parsing it.
 */
export * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
export * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs'
