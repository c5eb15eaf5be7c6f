// pdf.js's worker module ships without types; verify only hands it to pdf.js (globalThis.pdfjsWorker)
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
