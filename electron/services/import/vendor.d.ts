/** Modules without type declarations of their own (only what import/ uses). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown
}
/** The minified build of pdf.mjs: the same API. */
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs'
}
declare module 'word-extractor' {
  const WordExtractor: unknown
  export default WordExtractor
}
