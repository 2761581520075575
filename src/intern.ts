/**
 * A function that returns the first copy of each string it is given, starting from strings already held
 * elsewhere (`seed`). Dictionaries repeat the same words and phrases across tens of thousands of entries,
 * tries and tables, and every worker thread keeps its own copy of them: one copy each is memory saved.
 */
export function interner(seed: Iterable<string> = []): (text: string) => string {
  const strings = new Map<string, string>();
  for (const text of seed) strings.set(text, text);
  return (text) => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
}
