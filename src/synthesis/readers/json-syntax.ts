/**
 * JSON.parse with an error that says where: the line (and column) of the first syntax error.
 * V8 gives a character position for most errors but not all ("Unexpected token ']', ... is not
 * valid JSON"), so when it does not, a small iterative scanner finds the offset itself.
 */

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Offset of the first JSON syntax error in `text` (text.length when it ends too early). */
export function locateJsonError(text: string): number {
  let i = 0;
  const n = text.length;
  // Stack of containers: '{' or '['; `expect` says what may come next.
  const stack: string[] = [];
  type Expect = 'value' | 'key' | 'colon' | 'commaOrEnd' | 'valueOrEnd' | 'keyOrEnd' | 'done';
  let expect = 'value' as Expect;
  const skipWs = () => {
    while (i < n && WS.has(text[i]!)) i++;
  };
  const afterValue = () => {
    expect = stack.length === 0 ? 'done' : 'commaOrEnd';
  };
  const scanString = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === undefined) {
          i = n;
          return false;
        }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const scanNumber = (): boolean => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0].length === 0) return false;
    i += m[0].length;
    return true;
  };
  const scanValue = (): boolean => {
    const c = text[i]!;
    if (c === '{') {
      stack.push('{');
      i++;
      expect = 'keyOrEnd';
      return true;
    }
    if (c === '[') {
      stack.push('[');
      i++;
      expect = 'valueOrEnd';
      return true;
    }
    if (c === '"') {
      if (!scanString()) return false;
      afterValue();
      return true;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        afterValue();
        return true;
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      if (!scanNumber()) return false;
      afterValue();
      return true;
    }
    return false;
  };
  while (true) {
    skipWs();
    if (i >= n) return expect === 'done' ? -1 : n;
    const c = text[i]!;
    switch (expect) {
      case 'done':
        return i;
      case 'value':
        if (!scanValue()) return Math.min(i, n);
        break;
      case 'valueOrEnd':
        if (c === ']') {
          stack.pop();
          i++;
          afterValue();
        } else if (!scanValue()) return Math.min(i, n);
        break;
      case 'keyOrEnd':
      case 'key':
        if (c === '}' && expect === 'keyOrEnd') {
          stack.pop();
          i++;
          afterValue();
        } else if (c === '"') {
          if (!scanString()) return Math.min(i, n);
          expect = 'colon';
        } else return i;
        break;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        break;
      case 'commaOrEnd': {
        const top = stack.at(-1);
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
          afterValue();
        } else return i;
        break;
      }
    }
  }
}

/** JSON.parse that throws JsonSyntaxError with the line and column of the problem. */
export function parseJsonWithLines(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    let offset = position ? Number(position[1]) : locateJsonError(text);
    if (offset < 0 || offset >= text.length) offset = text.trimEnd().length; // cut off: point at the last line
    const cutOff = offset >= text.trimEnd().length;
    const { line, column } = lineAndColumn(text, offset);
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+/, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    throw new JsonSyntaxError(cutOff ? `the JSON ends too early (${reason})` : reason, line, column);
  }
}
