/**
 * Files in and out of the renderer, the same in both shells: bytes for the API travel as base64
 * (IPC and JSON alike), and a download link saves a file (Electron shows its save dialog).
 */

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function saveBase64(fileName: string, mime: string, dataBase64: string): void {
  saveBlob(fileName, new Blob([Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))], { type: mime }))
}

export function saveText(fileName: string, text: string, mime: string): void {
  saveBlob(fileName, new Blob([text], { type: mime }))
}
