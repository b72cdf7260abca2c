/**
 * A seeded pseudo-random generator. lib/ never uses the unseeded global generator: every random draw takes a Random,
 * so the same seed gives the same weights, batches and samples, and the seed can travel in a URL.
 */

/** A seeded source of random numbers (sfc32 core, seeded through splitmix32). */
export interface Random {
  /** The seed this generator started from. */
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Standard normal draw (Box–Muller), scaled to the given mean and standard deviation. */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Create a generator from an integer seed; equal seeds give equal streams. */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const seeder = splitmix32(Math.trunc(seed) | 0);
  let a = seeder(), b = seeder(), c = seeder(), d = seeder();
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = (): number => nextUint32() / 4294967296;
  let spareNormal: number | null = null;
  return {
    seed,
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal(mean = 0, std = 1) {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return mean + std * value;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return mean + std * radius * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
  };
}
