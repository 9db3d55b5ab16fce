// Finds or replaces many names in one pass over a text (T5): an incident may name hundreds of
// people, and a pass per name over 100 KB of narrative took seconds. The text is read word by
// word; a word may start a name, whose other words and the marks between them must follow.
// Whole words only, case- and accent-insensitive, so "Ana" does not match "Mariana" but "Maria"
// matches "María" and "MARÍA"; where several names start at one word, the longest wins
// ("Ana María Quispe" over "Ana").

/** A word or name as compared: no accents, lower case. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

interface Name<T> {
  words: string[];
  /** What stands between each word and the next, folded ("rosa quispe" → [" "]). */
  between: string[];
  length: number;
  value: T;
}

interface Word {
  start: number;
  end: number;
  key: string;
}

export class NameMatcher<T> {
  /** By first word, longest name first. */
  private readonly byFirstWord = new Map<string, Array<Name<T>>>();

  /** Entries in order of precedence: where two names read the same once folded, the first one's value is used. */
  constructor(entries: ReadonlyArray<readonly [name: string, value: T]>) {
    const seen = new Set<string>();
    for (const [name, value] of entries) {
      const key = fold(name);
      const words = [...key.matchAll(WORD)];
      if (words.length === 0) continue;
      const whole = key.slice(words[0]!.index, words.at(-1)!.index + words.at(-1)![0].length);
      if (seen.has(whole)) continue;
      seen.add(whole);
      const between = words.slice(1).map((w, i) => key.slice(words[i]!.index + words[i]![0].length, w.index));
      const entry = { words: words.map((w) => w[0]), between, length: whole.length, value };
      const list = this.byFirstWord.get(entry.words[0]!) ?? [];
      list.push(entry);
      list.sort((a, b) => b.length - a.length);
      this.byFirstWord.set(entry.words[0]!, list);
    }
  }

  /** Each name found replaced by `by(value)`; the result is NFC. */
  replace(text: string, by: (value: T) => string): string {
    const nfd = text.normalize('NFD');
    let out = '';
    let from = 0;
    for (const m of this.matches(nfd)) {
      out += nfd.slice(from, m.start) + by(m.value);
      from = m.end;
    }
    return (out + nfd.slice(from)).normalize('NFC');
  }

  /** The values of the names the text holds, each once, in order of appearance. */
  found(text: string): T[] {
    return [...new Set(this.matches(text.normalize('NFD')).map((m) => m.value))];
  }

  private matches(nfd: string): Array<{ start: number; end: number; value: T }> {
    if (this.byFirstWord.size === 0) return [];
    const words: Word[] = [...nfd.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: fold(m[0]) }));
    const found = [];
    for (let i = 0; i < words.length; i++) {
      const name = this.byFirstWord.get(words[i]!.key)?.find((n) => this.follows(nfd, words, i, n));
      if (!name) continue;
      const last = words[i + name.words.length - 1]!;
      found.push({ start: words[i]!.start, end: last.end, value: name.value });
      i += name.words.length - 1;
    }
    return found;
  }

  private follows(nfd: string, words: readonly Word[], i: number, n: Name<T>): boolean {
    for (let k = 1; k < n.words.length; k++) {
      const w = words[i + k];
      if (!w || w.key !== n.words[k] || fold(nfd.slice(words[i + k - 1]!.end, w.start)) !== n.between[k - 1]) return false;
    }
    return true;
  }
}
