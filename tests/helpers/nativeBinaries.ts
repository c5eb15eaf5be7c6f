/** Minimal native-library headers (ELF, Mach-O, fat Mach-O, PE) for the binary checks. */
const CPU = {
  elf: { x64: 62, arm64: 183, ia32: 3 },
  macho: { x64: 0x01000007, arm64: 0x0100000c },
  pe: { x64: 0x8664, arm64: 0xaa64, ia32: 0x14c },
} as const

const symbol = (abi: number | undefined) => Buffer.from(abi === undefined ? '\0no symbol\0' : `\0_node_register_module_v${abi}\0`, 'latin1')

export function elf(arch: keyof typeof CPU.elf, abi?: number): Buffer {
  const head = Buffer.alloc(64)
  head.write('\x7fELF', 0, 'latin1')
  head[4] = 2 // 64-bit
  head[5] = 1 // little-endian
  head.writeUInt16LE(CPU.elf[arch], 18)
  return Buffer.concat([head, symbol(abi)])
}

export function macho(arch: keyof typeof CPU.macho, abi?: number): Buffer {
  const head = Buffer.alloc(32)
  head.writeUInt32LE(0xfeedfacf, 0)
  head.writeInt32LE(CPU.macho[arch], 4)
  return Buffer.concat([head, symbol(abi)])
}

export function fatMacho(arches: (keyof typeof CPU.macho)[], abi?: number): Buffer {
  const head = Buffer.alloc(8 + arches.length * 20)
  head.writeUInt32BE(0xcafebabe, 0)
  head.writeUInt32BE(arches.length, 4)
  arches.forEach((arch, i) => head.writeInt32BE(CPU.macho[arch], 8 + i * 20))
  return Buffer.concat([head, ...arches.map((arch) => macho(arch, abi))])
}

export function pe(arch: keyof typeof CPU.pe, abi?: number): Buffer {
  const head = Buffer.alloc(0x100)
  head.write('MZ', 0, 'latin1')
  head.writeUInt32LE(0x80, 0x3c)
  head.write('PE\0\0', 0x80, 'latin1')
  head.writeUInt16LE(CPU.pe[arch], 0x84)
  return Buffer.concat([head, symbol(abi)])
}

/** A binding of the right shape for a platform and arch. */
export function binaryFor(platform: string, arch: string, abi?: number): Buffer {
  if (platform === 'linux') return elf(arch as keyof typeof CPU.elf, abi)
  if (platform === 'darwin') return arch === 'universal' ? fatMacho(['x64', 'arm64'], abi) : macho(arch as keyof typeof CPU.macho, abi)
  if (platform === 'win32') return pe(arch as keyof typeof CPU.pe, abi)
  throw new Error(platform)
}
