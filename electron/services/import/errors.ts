/** Sizes as the import's refusals state them ("20.0 MB", the same in every language). */
export const MB = 1024 * 1024
export const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`
