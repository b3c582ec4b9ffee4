/**
 * The world's seeded random source (SIM-4): sfc32, whose whole state is four 32-bit numbers kept in
 * the store, so a restarted server goes on with the same sequence and never repeats an id.
 */
export type RandomState = readonly [number, number, number, number];

export const seedRandom = (seed: number): RandomState => {
  // splitmix32 spreads a small seed over the four words.
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
};

/** One draw: a number in [0, 1) and the next state. */
export const nextRandom = (s: RandomState): [number, RandomState] => {
  const r = randomSource(s);
  const v = r.next();
  return [v, r.state()];
};

/** A stateful view over a RandomState, for code that draws many numbers (ids, faker). */
export interface RandomSource {
  next(): number;
  uuid(): string;
  state(): RandomState;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX4 = (v: number): string => BYTE_HEX[v >>> 8]! + BYTE_HEX[v & 0xff]!;
const VARIANT = ['8', '9', 'a', 'b'] as const;

export const randomSource = (initial: RandomState): RandomSource => {
  // sfc32, its four words kept in locals (no array a draw).
  let [a, b, c, d] = initial;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // Four hex digits a draw: 32 for an id (version and variant digits then set, as RFC 9562 has).
  const quad = (): string => HEX4(Math.floor(next() * 65536));
  return {
    next,
    uuid: () => {
      const q0 = quad() + quad();
      const q2 = quad();
      const q3 = quad();
      const q4 = quad();
      const q5 = quad() + quad() + quad();
      const variant = VARIANT[parseInt(q4[0]!, 16) & 0x3]!;
      return `${q0}-${q2}-4${q3.slice(1)}-${variant}${q4.slice(1)}-${q5}`;
    },
    state: () => [a, b, c, d],
  };
};
