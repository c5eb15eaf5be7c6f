/**
 * A member's caret colour: the same name gets the same colour on every machine and every day (a
 * hash of the name picks from a palette chosen to stay readable over black text and to tell eight
 * writers apart).
 */
export const MEMBER_COLORS = ['#d1495b', '#00798c', '#edae49', '#66a182', '#8d6cab', '#2e4057', '#e07a5f', '#3d8bd9'] as const

export function memberColor(name: string): string {
  // FNV-1a over the UTF-16 code units: stable, cheap, spreads short CJK names well
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return MEMBER_COLORS[hash % MEMBER_COLORS.length]!
}
