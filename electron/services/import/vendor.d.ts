/** Modules without type declarations of their own (only what import/ uses). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
declare module 'word-extractor' {
  const WordExtractor: unknown
  export default WordExtractor
}
