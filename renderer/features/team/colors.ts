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
    hash = Math.imul(hash, 0x01000193)
  }
  // FNV's low bits are weak: mixed (murmur3's finaliser) before taking one of eight
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return MEMBER_COLORS[(hash >>> 0) % MEMBER_COLORS.length]!
}
