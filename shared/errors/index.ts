/** Errors and findings as codes: the code list, messages as data, ApiError. Words: shared/i18n/. */
export * from './codes'
export * from './message'
export { ApiError, ApiErrorSchema } from './apiError'
export { base64Data } from './schemas'
export { formatMessage, messageText, toLang, type Lang } from '../i18n/format'
