/**
 * Path patterns as api.md pins them for faults and the request journal: a pattern is exact, or `*`
 * matches any run of characters (`/` included). Matching never backtracks: the literal pieces
 * between stars are found left to right, each at its leftmost place after the one before (which is
 * where the best match puts it), so a match costs at most `path × pattern` character comparisons,
 * linear in the path for a pattern of bounded length. No regular expression and no cache are built.
 */

/** The longest pattern accepted (faults and `GET /sim/requests?path=` refuse longer ones). */
export const GLOB_MAX_LENGTH = 2000;

/** Whether `text` matches `pattern` (`*` is any run of characters). Over-long patterns match nothing. */
export const globMatch = (pattern: string, text: string): boolean => {
  if (pattern.length > GLOB_MAX_LENGTH) return false;
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === text;
  const pieces = pattern.split('*');
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
};
