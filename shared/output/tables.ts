/**
 * Which rows of a table are its header: the rows that repeat at the top of every page the table
 * runs on to. One rule for every output — the DOCX marks them `tblHeader`, the print view (PDF,
 * preview, print) puts them in `<thead>` for print/pages.ts to repeat, the editor's page view draws
 * them again over a continued table, and `verify` allows them to appear once more per page.
 *
 * - a 附表 (figure table) has its header row (序号 项目 数值 …), always;
 * - a writer's table has no header flag in the model: its first row is taken as its header when
 *   more rows follow (tables in a 工作总结 are lists of figures under column names). A one-row
 *   table has no header — there is nothing below it to repeat it over.
 */

/** How many of the first rows of a writer's table of `rows` rows are its header (0 or 1). */
export const tableHeaderRows = (rows: number): number => (rows > 1 ? 1 : 0)

/** A 附表's header rows: its one row of column names. */
export const FIGURE_TABLE_HEADER_ROWS = 1
