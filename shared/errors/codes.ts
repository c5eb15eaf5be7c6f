/**
 * Every message the back end and shared/ can put in front of a writer, as a closed set of codes.
 * Only the codes and their parameters travel; the words live in the catalogues under shared/i18n/,
 * one per language, so the app (both languages) and the CLI say the same thing.
 *
 * Each code lists the names of its {{placeholders}}. A name starting with "*" is filled by another
 * message (a "part": the reason under a refusal, a file kind, the rows under a row error) rather
 * than by a string or number. The catalogue test holds every language to exactly these names.
 *
 *   ERROR_CODES    why something failed or was refused (ApiError, input checks in the table)
 *   FINDING_CODES  what a check or an import found and reports (出稿检查, figure checks, import
 *                  notes, sheet and snippet file problems, verify results, report lines)
 */

export const ERROR_CODES = {
  // the API and its transports
  'request.unknownMethod': ['method'],
  'request.invalidInput': ['method', 'field', 'detail'],
  'request.foreignFrame': ['method'],
  'request.noToken': [],
  'request.openWithToken': [],
  'request.postOnly': [],
  'request.badJson': [],
  'request.badUrl': [],
  'request.badOrigin': [],
  'request.crossSite': [],
  'request.notJson': [],
  'request.tooLarge': ['limit'],
  'request.busy': [],
  'internal.unexpected': ['method', 'detail'],
  'internal.app': ['detail'],
  'transport.unreachable': ['method', 'detail'],
  'transport.badResponse': ['method'],
  'transport.badResult': ['method'],

  // input checks of the contract's schemas (a schema's message names one of these codes)
  'input.notDocumentId': [],
  'input.notAssetId': [],
  'input.fileTooLarge': ['limit'],
  'input.notBase64': [],
  'input.fieldInvalid': ['field', 'detail'],
  'input.invalid': [],

  // the team server's refusals (shared/team/protocol.ts)
  'team.badToken': [],
  'team.badDocumentName': [],
  'team.readOnly': ['role'],
  'team.malformedUpdate': [],
  'team.tooLarge': ['limit'],
  // the app's side of a team
  'team.notJoined': [],
  'team.unreachable': ['address', 'detail'],
  'team.badAnswer': ['address'],
  'team.linkTaken': ['teamName'],
  'team.finalMismatch': ['name'],

  // the library file
  'library.unavailable': ['*reason'],
  'library.unavailableAt': ['path', '*reason'],
  'library.fileNotFound': [],
  'library.notAFile': [],
  'library.notLibrary': [],
  'library.foreignDatabase': [],
  'library.newerVersion': ['version'],
  'library.damaged': ['detail'],
  'library.cannotOpen': ['detail'],
  'library.notOpen': [],
  'library.exists': ['path'],
  'library.noFile': ['path'],
  'library.noDialog': [],
  'library.inUse': ['pid'],
  'library.readOnlyOutdated': ['version'],

  // writing to the library file failed: the words the writer's save-failure banner shows

  // backups of the library, restoring one, salvaging a damaged library
  'backups.notFound': ['id'],
  'backups.noGoodBackup': [],
  'backups.unusable': ['*reason'],
  'backups.verifyFailed': ['*reason'],
  'backups.exists': ['path'],
  'backups.readOnly': [],
  'backups.restoreFailed': ['*reason'],
  'salvage.notNeeded': [],
  'salvage.nothingReadable': ['detail'],

  // the library file refused a write (worded for the writer: the save banner shows these)
  'storage.readOnly': [],
  'storage.diskFull': [],
  'storage.locked': [],

  // documents
  'documents.notFound': ['id'],
  'documents.invalid': ['title', 'id', 'detail'],
  'documents.brokenJson': [],
  'documents.inTrash': [],
  'documents.purgeNotTrashed': [],
  'documents.purgeNameMismatch': ['name'],
  // revisions (版本记录)
  'revisions.notFound': ['id'],
  'revisions.unreadable': ['id', 'detail'],
  'documents.rolloverYear': ['from', 'to'],
  // a document model handed over as a .json file (the CLI's DOC)
  'documents.fileNotJson': ['file', 'line', '*reason'],
  'documents.fileNotModel': ['file', '*reason'],

  // kinds of file, named in refusals
  'fileKind.png': [],
  'fileKind.jpeg': [],
  'fileKind.gif': [],
  'fileKind.bmp': [],
  'fileKind.webp': [],
  'fileKind.heic': [],
  'fileKind.svg': [],
  'fileKind.pdf': [],
  'fileKind.zipDocx': [],
  'fileKind.zip': [],
  'fileKind.zipOffice': [],
  'fileKind.oldOffice': [],
  'fileKind.rtf': [],
  'fileKind.rar': [],
  'fileKind.sevenZip': [],
  'fileKind.gzip': [],
  'fileKind.executable': [],
  'fileKind.sqlite': [],
  'fileKind.empty': [],
  'fileKind.unknown': [],

  // import (documents.import, the CLI's import)
  'import.tooLarge': ['size', 'limit'],
  'import.empty': [],
  'import.notText': ['*kind'],
  'import.binary': [],
  'import.utf32': [],
  'import.unreadable': ['count'],
  'import.unsupportedExt': ['ext'],
  'import.noExt': [],
  'import.docxNoText': [],
  'import.docOrEncrypted': [],
  'import.notDocx': [],
  'import.notDocxKind': ['*kind'],
  'import.zipWithoutWord': [],
  'import.docxDamaged': ['*reason'],
  'import.docxUnreadable': [],
  'import.schemaFailed': ['index', 'detail'],
  'import.pdfEncrypted': [],
  'import.pdfDamaged': ['*reason'],
  'import.pdfScanned': ['pages'],
  'import.pdfNoText': [],
  'import.docEncrypted': [],
  'import.docDamaged': ['*reason'],
  'import.docNoText': [],
  'import.notDocKind': ['*kind'],
  'import.wpsUnreadable': [],
  'import.htmlNoText': [],
  // why a damaged file could not be read (the part of import.*Damaged): words, never a parser's English
  'importReason.truncated': [],
  'importReason.structure': [],
  'importReason.noPdfHeader': [],
  'importReason.notOle': [],
  'importReason.notWordOrText': [],

  // zip packages (.docx, .xlsx), checked before and while they are inflated
  'zip.damaged': ['detail'],
  'zip.tooLarge': ['limit'],
  'zip.tooManyEntries': ['limit'],
  'zip.sizeMismatch': ['name'],
  'zip.encrypted': [],
  'zip.unsupported': ['method'],

  // files read in a worker thread (imports, spreadsheets, snippet files, images, verify)
  'worker.tooLarge': [],
  'worker.timeout': ['seconds'],
  'worker.failed': ['detail'],
  'worker.busy': [],
  // verify FILE: a PDF too large to read
  'verify.tooLarge': ['limit'],
  'verify.tooManyPages': ['pages', 'limit'],

  // spreadsheets for the figure table
  'sheet.oldFormat': [],
  'sheet.unsupportedExt': ['ext'],
  'sheet.noExt': [],
  'sheet.tooLarge': ['limit'],
  'sheet.empty': [],
  'sheet.notXlsx': [],
  'sheet.noWorksheet': [],

  // the figure table: names, values, formulas
  'figures.notFound': ['name'],
  'figures.notFoundNear': ['name', 'near'],
  'figures.missing': [],
  'figures.computed': ['name', 'formula'],
  'figures.valueTooLarge': ['value'],
  'figures.notANumber': ['text'],
  'figures.needsNumber': ['name', 'text'],
  'figures.lastYearNotNumber': ['text'],
  'figures.nameEmpty': [],
  'figures.nameTooLong': ['max'],
  'figures.nameBrackets': [],
  'figures.nameTaken': ['name'],
  'figures.noSuchFigure': [],
  'formula.syntax': ['at', '*problem'],
  'formula.empty': [],
  'formula.missingClose': ['close'],
  'formula.emptyBrackets': [],
  'formula.notNumber': ['text'],
  'formula.extraClose': ['char'],
  'formula.incomplete': [],
  'formula.callNotClosed': ['fn'],
  'formula.parenNotClosed': [],
  'formula.extraParen': [],
  'formula.missingOperand': ['text'],
  'formula.missingOperator': ['text'],
  'formula.unknownName': ['name'],
  'formula.refError': ['name', '*reason'],
  'formula.unfilled': ['name'],
  'formula.textValue': ['name', 'text'],
  'formula.tooLarge': [],
  'formula.divisionByZero': [],
  'formula.lastYearZero': [],
  'formula.argsExactly': ['fn', 'count', 'given'],
  'formula.argsAtLeast': ['fn', 'min', 'given'],
  'formula.argsBetween': ['fn', 'min', 'max', 'given'],
  'formula.refArgument': ['fn'],
  'formula.decimals': ['fn'],
  'formula.noLastYear': ['name'],
  'formula.cycle': ['names'],

  // 出稿: export, PDF, writing files, 定稿, seal and signature images
  'export.libraryClosed': [],
  'export.sealMissing': [],
  'export.signatureMissing': [],
  'export.commentsTooLong': [],
  'pdf.noPrinter': [],
  'pdf.noBrowser': [],
  'pdf.cannotStart': ['browser', 'detail'],
  'pdf.unsupportedStructure': [],
  'write.noFolder': ['dir'],
  'write.isFolder': ['file'],
  'write.permissionDenied': ['file'],
  'write.diskFull': ['file'],
  'write.failed': ['file', 'detail'],
  'finals.nameRequired': [],
  'finals.authorRequired': [],
  'finals.inTrash': [],
  'finals.notFound': ['id'],
  'finals.unreadable': ['id'],
  'finals.fingerprintMismatch': ['id'],
  'assets.tooLarge': ['limit'],
  'assets.notFound': ['id'],
  'image.pngDamaged': [],
  'image.jpegDamaged': [],
  'image.notPngOrJpeg': ['*kind'],
  'image.badSize': ['width', 'height'],
  'image.tooLarge': ['width', 'height', 'maxSide', 'maxMegapixels'],
  'image.corrupt': ['format', 'detail'],
  'image.dataMismatch': ['format'],

  // 素材库
  'snippets.emptyFile': [],
  'snippets.notFound': ['id'],
  'snippets.emptyBody': [],
  'snippets.bodyTooLong': ['limit'],
  'snippets.categoryNotFound': ['id'],
  'snippets.categoryNameEmpty': [],
  'snippets.categoryExists': ['name'],
  'snippets.categoryExistsThere': ['name'],
  'snippets.categoryIntoItself': [],
  'json.unterminatedString': [],
  'json.lineBreakInString': [],
  'json.badUnicodeEscape': [],
  'json.badEscape': [],
  'json.expectedKey': [],
  'json.expectedColon': [],
  'json.expectedCommaOrBrace': [],
  'json.expectedCommaOrBracket': [],
  'json.unexpectedEnd': [],
  'json.unexpectedChar': ['char'],
  'json.extraContent': [],
} as const satisfies Record<string, readonly string[]>

export const FINDING_CODES = {
  // notes of an import (report.warnings)
  'import.nulPadding': ['count'],
  'import.damagedBytes': ['count', 'encoding'],
  'import.controlRemoved': ['count'],
  'import.futureDate': ['title', 'date', 'today'],
  'import.tooManyLevels': ['title', 'kinds'],
  'import.collectionHeadingDropped': ['heading'],
  'import.numberingMixed': ['title', 'level', 'typed', 'shown'],
  'import.pdfFurniture': ['count'],
  'import.pdfImagePages': ['count'],

  // the import report as the CLI prints it
  'report.header': ['name', '*format'],
  'report.format.txt': [],
  'report.format.md': [],
  'report.format.docx': [],
  'report.format.pdf': [],
  'report.format.doc': [],
  'report.format.wps': [],
  'report.format.rtf': [],
  'report.format.html': [],
  'report.junk.site': [],
  'report.junk.meta': [],
  'report.junk.navigation': [],
  'report.junk.boilerplate': [],
  'report.junk.ui': [],
  'report.junk.url': [],
  'report.junk.page': [],
  'report.junk.collection': [],
  'report.junk.title': [],
  'report.counts': ['documents', 'headings', 'runIn', 'placeholders', 'joined', 'junk'],
  'report.numberingGap': ['typed', 'heading', 'now'],
  'report.note': ['*note'],
  'report.saved': ['id', 'title'],
  'report.suggestSplit': ['count'],
  'report.piece': ['index', 'title', 'chars'],
  'report.removedLine': ['line', 'kind', 'text'],
  'report.moreRemoved': ['count'],
  'report.untitled': [],
  'report.documentCounts': ['paragraphs', 'tables', 'figures'],
  'report.signature': ['signature'],

  // 出稿检查
  'check.emptyDocument': [],
  'check.titlePlaceholder': ['token'],
  'check.subtitlePlaceholder': ['token'],
  'check.titleHalfWidth': ['mark'],
  'check.subtitleHalfWidth': ['mark'],
  'check.placeholder': ['tokens'],
  'check.placeholders': ['tokens', 'count'],
  'check.halfWidth': ['marks'],
  'check.halfWidthMany': ['marks', 'count'],
  'check.unfilledFigure': ['names'],
  'check.emptyHeading': [],
  'check.firstHeadingSkips': ['level'],
  'check.skippedLevel': ['from', 'to'],
  'check.typedNumber': ['marker'],
  'check.emptySection': [],
  'check.numberingGap': ['marker', 'missing'],
  'check.numberingBack': ['marker', 'previous'],
  'check.missingSignature': [],
  'check.missingDate': [],
  'check.futureDate': ['date', 'today'],
  'check.yearMismatch': ['titleYear', 'dateYear'],
  // found while laying out the pages (print preview, PDF export): the pagination rules gave way
  'check.pagesForced': ['pages', 'count'],

  // checks of the figure table
  'figureCheck.missingFigure': ['block'],
  'figureCheck.formulaError': ['name', '*reason'],
  'figureCheck.unfilled': ['name', 'uses', 'shown'],
  'figureCheck.unused': ['name'],
  'figureCheck.unusedUnfilled': ['name'],
  'figureCheck.negative': ['name', 'value'],
  'figureCheck.duplicateName': ['name', 'count'],
  'figureCheck.unlinked': ['block', 'text', 'name'],
  'figureCheck.mismatch': ['block', 'text', 'name', 'shown'],

  // a spreadsheet read into the figure table (the import plan)
  'sheet.emptyTable': [],
  'sheet.noNameColumn': ['header'],
  'sheet.noNameColumnBlank': [],
  'sheet.noDataColumns': [],
  'sheet.duplicateColumn': ['column'],
  'sheet.ignoredColumns': ['columns'],
  'sheet.rowWithoutName': ['row'],
  'sheet.duplicateName': ['row', 'name', 'first'],
  'sheet.rowInvalid': ['row', '*reason'],
  'sheet.rowNotImported': ['row', 'name', '*reasons'],
  'sheet.badQualifier': ['value', 'allowed'],
  'sheet.badStyle': ['value'],
  'sheet.noRows': [],
  'sheet.planFatal': ['*reason'],
  'sheet.planUpdate': ['name', 'before', 'after', 'fields'],
  'sheet.planCreate': ['name', 'after'],
  'sheet.planError': ['*problem'],
  'sheet.planWarning': ['*problem'],
  'sheet.planTotals': ['update', 'create', 'unchanged', 'skipped'],

  // a snippet file (snippets.import), by line
  'snippetFile.badJson': ['line', '*reason'],
  'snippetFile.notSnippetFile': ['format', '*reason'],
  'snippetFile.entryInvalid': ['index', 'line', '*reason'],
  'snippetFile.entryEmpty': ['index', 'line'],
  'snippetFile.empty': [],
  'snippetFile.noBodyColumn': [],
  'snippetFile.tooManyCells': ['line', 'cells', 'columns'],
  'snippetFile.rowEmpty': ['line'],
  'snippetFile.rowInvalid': ['line', '*reason'],
  'snippetFile.unclosedQuote': [],
  'snippetFile.afterQuote': [],

  // 收集素材: a source that could not be read
  'harvest.documentFailed': ['id', '*reason'],
  'harvest.fileFailed': ['name', '*reason'],

  // verify FILE: does a file match a 定稿?
  'verify.unsupported': [],
  'verify.notDocx': [],
  'verify.noFingerprint': [],
  'verify.unknownFingerprint': ['fingerprint'],
  'verify.matchPdf': ['name', 'author', 'date', 'short'],
  'verify.modifiedPdf': ['name', 'author', 'date', 'short'],
  'verify.match': ['name', 'author', 'date', 'short'],
  'verify.modifiedText': ['name', 'author', 'date', 'short'],
  'verify.notPdf': ['detail'],
  'verify.modifiedPdfText': ['name', 'author', 'date', 'short', 'page'],
  'verify.modifiedPdfMargin': ['name', 'author', 'date', 'short', 'page'],
  'verify.modifiedPdfImages': ['name', 'author', 'date', 'short', 'expected', 'found'],
  'verify.modifiedPdfAnnotations': ['name', 'author', 'date', 'short', 'page'],
  'verify.modifiedHeadings': ['name', 'author', 'date', 'short', 'paragraph'],
  'verify.modifiedNumbering': ['name', 'author', 'date', 'short', 'level'],

  // npm run serve
  'serve.started': ['url'],
  'serve.library': ['path'],
  'serve.libraryUnavailable': ['path', '*reason'],
  'serve.failed': ['detail'],

  // backup, restore and salvage as the CLI reports them
  'backup.written': ['path', 'documents', 'snippets', 'size'],
  'backup.restored': ['path', 'documents', 'snippets'],
  'backup.safetyCopy': ['path'],
  'backup.damagedKept': ['path'],
  'backup.salvaged': ['path', 'documents', 'snippets', 'lost'],
  'backup.none': ['folder'],
  'backup.row': ['id', 'time', 'size', 'documents', 'snippets'],
} as const satisfies Record<string, readonly string[]>

export type ErrorCode = keyof typeof ERROR_CODES
export type FindingCode = keyof typeof FINDING_CODES
export type MessageCode = ErrorCode | FindingCode

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[]
export const FINDING_CODE_LIST = Object.keys(FINDING_CODES) as FindingCode[]
export const MESSAGE_CODE_LIST: MessageCode[] = [...ERROR_CODE_LIST, ...FINDING_CODE_LIST]

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code)
}
export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(FINDING_CODES, code)
}
export function isMessageCode(code: string): code is MessageCode {
  return isErrorCode(code) || isFindingCode(code)
}

/** The declared placeholder names of a code, "*" marking those filled by a part. */
export function placeholderSpec(code: MessageCode): readonly string[] {
  return isErrorCode(code) ? ERROR_CODES[code] : FINDING_CODES[code]
}

type Spec<C extends MessageCode> = C extends ErrorCode ? (typeof ERROR_CODES)[C][number] : C extends FindingCode ? (typeof FINDING_CODES)[C][number] : never
type PartOf<S> = S extends `*${infer N}` ? N : never
/** The names a code's params must have. */
export type ParamName<C extends MessageCode> = Exclude<Spec<C>, `*${string}`>
/** The names a code's parts must have. */
export type PartName<C extends MessageCode> = PartOf<Spec<C>>
