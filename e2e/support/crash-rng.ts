/** The seed of this run: CRASH_SEED repeats an earlier run's kill moments, otherwise a random one. */
export function crashSeed(): number {
  const given = process.env.CRASH_SEED;
  return given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
