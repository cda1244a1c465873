/**
 * Seeded randomness. The builder never calls Math.random: every choice flows from a seed the
 * caller passes in, so a quiz can be rebuilt exactly from (module, options, seed).
 */

/** A source of floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator, as popularised in bryc's "PRNGs" notes):
 * one 32-bit state, full period 2^32, passes gjrand's tests at the sizes we draw. Ample for
 * shuffling a few options; not for cryptography.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * cyrb53 (bryc): a fast 53-bit string hash with good avalanche. Used to derive independent
 * seeds and opaque ids; 53 bits keep collisions negligible for banks of thousands of questions.
 */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 32-bit seed derived from a base seed and labels. Each question gets its own stream, so
 * the question made for a fact does not depend on which other questions were drawn before it:
 * the same (seed, type, facts) gives the same question in a quiz and in the bank.
 */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  return hashString(labels.join("\u001f"), seed >>> 0) >>> 0;
}

/** An integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** `count` distinct items drawn uniformly (all of them, shuffled, when there are fewer). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  return shuffle(rng, items).slice(0, Math.max(0, count));
}

/**
 * Index of an item drawn with probability proportional to its weight; -1 when no weight is
 * positive. Linear, which is what a pool of a few dozen facts needs.
 */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) if (w > 0) total += w;
  if (total <= 0) return -1;
  let r = rng() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w <= 0) continue;
    last = i;
    r -= w;
    if (r < 0) return i;
  }
  return last;
}

/**
 * Draws items one at a time without replacement, each with probability proportional to its
 * weight among those left; items of weight 0 or less are never drawn. Lazy: a caller that
 * needs one item pays for one draw.
 */
export function* weightedDraw<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): Generator<T> {
  const weights = items.map(weight);
  for (;;) {
    const i = weightedIndex(rng, weights);
    if (i < 0) return;
    weights[i] = 0;
    yield items[i] as T;
  }
}

/** The first `count` items of a draw. */
export function take<T>(items: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  if (count <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length >= count) break;
  }
  return out;
}
