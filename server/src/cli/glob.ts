// A small glob matcher for `lint` arguments: `*` and `?` within a path segment, `**` across segments, `[abc]`
// classes and `{a,b}` alternatives. Paths are matched with forward slashes.

const MAGIC = /[*?[{]/;

export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** The leading segments without magic (the folder to walk), and the rest. "samples/*\/x.yaml" → "samples". */
export function globBase(pattern: string): string {
  const segments = pattern.replace(/\\/g, "/").split("/");
  const firstMagic = segments.findIndex((segment) => hasGlobMagic(segment));
  const base = segments.slice(0, firstMagic < 0 ? segments.length : firstMagic).join("/");
  return base === "" ? (pattern.startsWith("/") ? "/" : ".") : base;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^$()|\\\]]/g, "\\$&");
}

function braceAlternatives(pattern: string, start: number): { regex: string; end: number } {
  const alternatives: string[] = [];
  let depth = 0;
  let current = "";
  for (let index = start + 1; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === "{") depth++;
    if (character === "}" && depth-- === 0) {
      alternatives.push(current);
      return {
        regex: `(?:${alternatives.map((alternative) => globToRegExpSource(alternative)).join("|")})`,
        end: index,
      };
    }
    if (character === "," && depth === 0) {
      alternatives.push(current);
      current = "";
    } else current += character;
  }
  return { regex: "\\{", end: start };
}

function globToRegExpSource(pattern: string): string {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === "*" && pattern[index + 1] === "*") {
      const followedBySlash = pattern[index + 2] === "/";
      source += followedBySlash ? "(?:[^/]+/)*" : ".*";
      index += followedBySlash ? 2 : 1;
    } else if (character === "*") source += "[^/]*";
    else if (character === "?") source += "[^/]";
    else if (character === "[") {
      const close = pattern.indexOf("]", index + 1);
      if (close < 0) source += "\\[";
      else {
        const body = pattern
          .slice(index + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${body}]`;
        index = close;
      }
    } else if (character === "{") {
      const { regex, end } = braceAlternatives(pattern, index);
      source += regex;
      index = end;
    } else source += escapeRegExp(character);
  }
  return source;
}

/** A regular expression matching whole paths (forward slashes) against the glob. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${globToRegExpSource(pattern.replace(/\\/g, "/"))}$`);
}
