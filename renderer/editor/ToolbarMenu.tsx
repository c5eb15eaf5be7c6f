/**
 * A toolbar menu (插入 ▾, 数据 ▾, 出稿 ▾): a button that opens a column of the feature's own buttons.
 * The buttons stay mounted while the menu is closed (only hidden), so a feature's state and its
 * dialogs (portals) live on; the menu closes after a click on one of them, on Escape and on a click
 * elsewhere. Pressing the menu keeps the editor's focus and selection where they were.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'

/** While `open`, Esc or a mouse press outside `anchor` closes the menu (every toolbar menu alike). */
export function useMenuDismiss(open: boolean, setOpen: (open: boolean) => void, anchor: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return
    const away = (e: MouseEvent) => {
      if (!anchor.current?.contains(e.target as Node)) setOpen(false)
    }
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('mousedown', away, true)
    document.addEventListener('keydown', escape, true)
    return () => {
      document.removeEventListener('mousedown', away, true)
      document.removeEventListener('keydown', escape, true)
    }
  }, [open, setOpen, anchor])
}

export function ToolbarMenu({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const anchor = useRef<HTMLSpanElement>(null)
  useMenuDismiss(open, setOpen, anchor)
  return (
    <span className="menu-anchor toolbar-menu" ref={anchor}>
      <button aria-haspopup="menu" aria-expanded={open} className={open ? 'on' : ''} data-testid={testId} onMouseDown={(e) => e.preventDefault()} onClick={() => setOpen((o) => !o)}>
        {label} ▾
      </button>
      <div
        className="menu toolbar-menu-items"
        role="menu"
        hidden={!open}
        onMouseDown={(e) => {
          // keep the editor's selection (a click on a select or input inside may focus it)
          if ((e.target as HTMLElement).closest('button')) e.preventDefault()
        }}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('button:not([aria-haspopup])')) setOpen(false)
        }}
      >
        {children}
      </div>
    </span>
  )
}
