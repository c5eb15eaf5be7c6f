/** Small line icons (inline SVG: no icon font to ship, nothing missing from CJK fonts). */
const base = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.4, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true }

export const PencilIcon = () => (
  <svg {...base}><path d="M11 2.5l2.5 2.5L5.5 13H3v-2.5z" /></svg>
)
export const CopyIcon = () => (
  <svg {...base}><rect x="5" y="5" width="8.5" height="8.5" rx="1" /><path d="M3 10.5V3.5a1 1 0 0 1 1-1h6.5" /></svg>
)
export const NextYearIcon = () => (
  <svg {...base}><rect x="2" y="3.5" width="12" height="10" rx="1" /><path d="M2 6.5h12M5 2v3M11 2v3M6.5 10h4M9 8.5l1.5 1.5L9 11.5" /></svg>
)
export const TrashIcon = () => (
  <svg {...base}><path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" /></svg>
)
