import type { Ref } from 'react'

/**
 * A hidden file input, opened by clicking it through `ref` (a button, a menu item, a command).
 * `onFile` gets the chosen file; the input is emptied, so that choosing the same file again is a
 * new choice.
 */
export function FileInput({ ref, accept, testId, onFile }: { ref?: Ref<HTMLInputElement>; accept: string; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={ref}
      type="file"
      hidden
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0]
        if (file) onFile(file)
        e.target.value = ''
      }}
    />
  )
}
