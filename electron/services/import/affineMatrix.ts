/**
 * The part of the DOM's DOMMatrix (2-D, affine) that PDF.js needs to load and read text in Node,
 * where there is no DOMMatrix and no canvas package in our worker bundle. PDF.js builds one when
 * its module loads and uses it for drawing paths; we never draw, but the module must load.
 * Installed on globalThis by pdf.ts only when the platform has none.
 */
type Init = ArrayLike<number> | undefined

export class AffineMatrix {
  a = 1
  b = 0
  c = 0
  d = 1
  e = 0
  f = 0

  constructor(init?: Init) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!]
  }

  get is2D(): boolean {
    return true
  }

  /** this = this × m */
  multiplySelf(m: AffineMatrix | Init): this {
    const o = m instanceof AffineMatrix ? m : new AffineMatrix(m)
    const { a, b, c, d, e, f } = this
    this.a = a * o.a + c * o.b
    this.b = b * o.a + d * o.b
    this.c = a * o.c + c * o.d
    this.d = b * o.c + d * o.d
    this.e = a * o.e + c * o.f + e
    this.f = b * o.e + d * o.f + f
    return this
  }

  /** this = m × this */
  preMultiplySelf(m: AffineMatrix | Init): this {
    const o = m instanceof AffineMatrix ? new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]) : new AffineMatrix(m)
    o.multiplySelf(this)
    ;[this.a, this.b, this.c, this.d, this.e, this.f] = [o.a, o.b, o.c, o.d, o.e, o.f]
    return this
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y])
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0])
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this
    const det = a * d - b * c
    if (!det) {
      ;[this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN]
      return this
    }
    ;[this.a, this.b, this.c, this.d] = [d / det, -b / det, -c / det, a / det]
    ;[this.e, this.f] = [(c * f - d * e) / det, (b * e - a * f) / det]
    return this
  }

  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f])
  }
  multiply(m: AffineMatrix | Init): AffineMatrix {
    return this.copy().multiplySelf(m)
  }
  translate(x?: number, y?: number): AffineMatrix {
    return this.copy().translateSelf(x, y)
  }
  scale(sx?: number, sy?: number): AffineMatrix {
    return this.copy().scaleSelf(sx, sy)
  }
  inverse(): AffineMatrix {
    return this.copy().invertSelf()
  }
}
