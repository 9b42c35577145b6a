// Small non-negative integers as text: a variable-length code over 64
// characters that need no escaping in JSON (5 bits a character, the sixth
// says "more follows"), so 0..31 take one character, up to 1023 two.
// Shared by the index builder and the browser.
export const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export class Writer {
  private out: string[] = [];
  int(n: number): this {
    if (!Number.isInteger(n) || n < 0) throw new Error(`codec: ${n} is not a non-negative integer`);
    do {
      let digit = n % 32;
      n = Math.floor(n / 32);
      if (n > 0) digit += 32;
      this.out.push(ALPHABET[digit]!);
    } while (n > 0);
    return this;
  }
  /** A sorted list of distinct integers: its length, then the gaps. */
  sorted(list: readonly number[]): this {
    this.int(list.length);
    let prev = -1;
    for (const n of list) {
      this.int(n - prev - 1);
      prev = n;
    }
    return this;
  }
  toString(): string {
    return this.out.join("");
  }
}

export class Reader {
  private at = 0;
  constructor(private readonly s: string) {}
  int(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const v = VALUE[this.s.charCodeAt(this.at++)] ?? -1;
      if (v < 0) throw new Error(`codec: bad character at ${this.at - 1}`);
      n += (v & 31) * scale;
      if (v < 32) return n;
      scale *= 32;
    }
  }
  sorted(): number[] {
    const count = this.int();
    const list = new Array<number>(count);
    let prev = -1;
    for (let i = 0; i < count; i++) list[i] = prev = prev + 1 + this.int();
    return list;
  }
  get done(): boolean {
    return this.at >= this.s.length;
  }
}

export function encodeInts(list: readonly number[]): string {
  const w = new Writer();
  for (const n of list) w.int(n);
  return w.toString();
}

export function decodeInts(s: string, count: number): number[] {
  const r = new Reader(s);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = r.int();
  return out;
}
