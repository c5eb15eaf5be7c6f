/**
 * Text fields whose value lives in the document (署名, 成文日期…). The field keeps its own text
 * while the writer types in it: a value that came back from the document on every change used to
 * be written into the field mid-composition, so pinyin typed as 青山镇 ended "qing青山镇". The
 * document gets the text when a composition ends (or at once, for plain typing); a value changed
 * elsewhere is taken when the field is not being typed in.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react'
import { displayIsoDay } from '../../shared/i18n/dates'
import { parseDateLine } from '../../shared/recognizer'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'>

interface TextFieldProps extends InputProps {
  value: string
  /** the writer's text, once it is text (not a composition under way) */
  onCommit(text: string): void
  testId?: string
}

export function TextField({ value, onCommit, testId, onFocus, onBlur, ...rest }: TextFieldProps) {
  const [text, setText] = useState(value)
  const composing = useRef(false)
  const editing = useRef(false)
  useEffect(() => {
    if (!editing.current && !composing.current) setText(value)
  }, [value])
  return (
    <input
      {...rest}
      data-testid={testId}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) onCommit(e.target.value)
      }}
      onCompositionStart={() => {
        composing.current = true
      }}
      onCompositionEnd={(e) => {
        composing.current = false
        onCommit(e.currentTarget.value)
      }}
      onFocus={(e) => {
        editing.current = true
        onFocus?.(e)
      }}
      onBlur={(e) => {
        editing.current = false
        onBlur?.(e)
      }}
    />
  )
}

interface DateFieldProps {
  /** yyyy-mm-dd, or undefined for no date */
  value: string | undefined
  onCommit(iso: string | undefined): void
  /** the latest day the calendar offers (yyyy-mm-dd) */
  max?: string
  lang: 'zh-CN' | 'en'
  pickLabel: string
  /** the calendar button's text */
  pickText: string
  testId?: string
}

/**
 * A date written as the writer reads it, 2025年12月31日, whatever the browser's locale (a native
 * date input shows 12/31/2025 in an English browser). Typed as 2025年12月31日, 2025-12-31,
 * 2025.12.31 or 二〇二五年十二月三十一日; the calendar button opens the browser's date picker.
 */
export function DateField({ value, onCommit, max, lang, pickLabel, pickText, testId }: DateFieldProps) {
  const shown = value ? displayIsoDay(value, lang) : ''
  const [text, setText] = useState(shown)
  const [invalid, setInvalid] = useState(false)
  const composing = useRef(false)
  const editing = useRef(false)
  const picker = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (!editing.current && !composing.current) {
      setText(shown)
      setInvalid(false)
    }
  }, [shown])
  const take = (typed: string) => {
    const t = typed.trim()
    if (!t) {
      setInvalid(false)
      onCommit(undefined)
      return
    }
    const parsed = parseDateLine(t)
    setInvalid(!parsed)
    if (parsed && parsed.iso !== value) onCommit(parsed.iso)
  }
  return (
    <span className="date-field">
      <input
        value={text}
        data-testid={testId}
        aria-invalid={invalid || undefined}
        placeholder={lang === 'en' ? '2025-12-31' : '2025年12月31日'}
        onChange={(e) => {
          setText(e.target.value)
          if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) take(e.target.value)
        }}
        onCompositionStart={() => {
          composing.current = true
        }}
        onCompositionEnd={(e) => {
          composing.current = false
          take(e.currentTarget.value)
        }}
        onFocus={() => {
          editing.current = true
        }}
        onBlur={() => {
          editing.current = false
          // written back in the one form once the writer leaves the field
          if (!invalid) setText(shown)
        }}
      />
      <button
        type="button"
        className="date-pick"
        aria-label={pickLabel}
        title={pickLabel}
        onClick={() => {
          const input = picker.current
          if (!input) return
          try {
            input.showPicker()
          } catch {
            input.focus()
          }
        }}
      >
        {pickText}
      </button>
      <input
        ref={picker}
        type="date"
        className="date-picker-input"
        tabIndex={-1}
        aria-hidden="true"
        value={value ?? ''}
        max={max}
        onChange={(e) => onCommit(e.target.value || undefined)}
      />
    </span>
  )
}
