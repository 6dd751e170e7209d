/**
 * A seeded source of normally distributed numbers: mulberry32 for uniforms, Marsaglia's polar method
 * for normals (no sin/cos, which dominated the time to write a model).
 * Deterministic for a seed, so two runs write byte-identical models.
 */
export class SeededNormal {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  private uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Fills `target[0..length)` with draws from N(mean, std²), two per accepted polar-method point. */
  fill(target: Float64Array, length: number, mean: number, std: number): void {
    for (let i = 0; i < length; ) {
      const x = 2 * this.uniform() - 1;
      const y = 2 * this.uniform() - 1;
      const radiusSquared = x * x + y * y;
      if (radiusSquared >= 1 || radiusSquared === 0) continue;
      const scale = std * Math.sqrt((-2 * Math.log(radiusSquared)) / radiusSquared);
      target[i++] = mean + x * scale;
      if (i < length) target[i++] = mean + y * scale;
    }
  }
}
