import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

export interface ModalProps {
  label: string
  onClose(): void
  children: ReactNode
  wide?: boolean
  /** added to the box's `modal` class */
  className?: string
  /** the box's data-testid */
  testId?: string
}

/**
 * A dialog over the app (styles: `.modal-backdrop`, `.modal` in styles/app.css). Esc closes it;
 * the keyboard goes into it, Tab and Shift+Tab go round inside it (not to the page behind the
 * backdrop), and the keyboard comes back where it was when it closes.
 */
export function Modal({ label, onClose, children, wide, className, testId }: ModalProps) {
  const box = useRef<HTMLDivElement>(null)
  // the keyboard goes to the dialog (its autofocus field, else the dialog itself), so Esc works
  // where the keyboard was before the dialog (read while rendering: autoFocus moves it on commit),
  // so that it returns there when the dialog closes (the grid cell, the text)
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(() => {
    // preventScroll: no scrolling means no forced layout of the (long) page behind the dialog
    if (!box.current?.contains(document.activeElement)) box.current?.focus({ preventScroll: true })
    return () => {
      if (before?.isConnected && !before.closest('.modal')) before.focus({ preventScroll: true })
    }
  }, [before])
  // a control that removes itself (a name field cancelled with Esc) leaves the keyboard on <body>:
  // Esc and Tab there still belong to the topmost dialog
  const latest = useRef(onClose)
  latest.current = onClose
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const at = document.activeElement
      if (e.defaultPrevented || (at && at !== document.body) || !box.current) return
      const dialogs = document.querySelectorAll('.modal-backdrop')
      if (dialogs[dialogs.length - 1] !== box.current.parentElement) return
      if (e.key === 'Escape') latest.current()
      if (e.key === 'Tab') keepTabInside(box.current, e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  // on document.body: inserting the dialog beside a long document must not re-lay out the page
  return createPortal(
    <div
      className="modal-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
        if (e.key === 'Tab' && box.current) keepTabInside(box.current, e)
      }}
    >
      <div ref={box} tabIndex={-1} className={['modal', wide && 'wide', className].filter(Boolean).join(' ')} data-testid={testId}>
        {children}
      </div>
    </div>,
    document.body,
  )
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

/** Tab past the last control goes to the first, Shift+Tab before the first to the last. */
export function keepTabInside(box: HTMLElement, e: KeyboardEvent | globalThis.KeyboardEvent): void {
  const controls = Array.from(box.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => el.getClientRects().length > 0)
  if (controls.length === 0) return e.preventDefault()
  const first = controls[0]!
  const last = controls[controls.length - 1]!
  const at = document.activeElement
  if (e.shiftKey && (at === first || at === box || !box.contains(at))) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && (at === last || !box.contains(at))) {
    e.preventDefault()
    first.focus()
  }
}
