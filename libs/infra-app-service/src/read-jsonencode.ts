/**
 * Reads back a value that cdktf synthesized with `Fn.jsonencode`, such as a task definition's
 * `container_definitions`: `${jsonencode({"name" = "web", "group" = aws_x.y.name})}`. Each
 * Terraform reference comes back as the string `${reference}`. Tests and policy checks use it
 * to assert on the synthesized JSON rather than on the construct's inputs.
 */
export function readJsonencode(expression: string): unknown {
  const match = /^\$\{jsonencode\((.*)\)\}$/s.exec(expression);
  if (!match) {
    throw new Error(`Expected "\${jsonencode(...)}", got ${JSON.stringify(expression)}.`);
  }

  const reader = new ExpressionReader(match[1]!);
  const value = reader.value();
  reader.end();
  return value;
}

const REFERENCE = /[A-Za-z_][\w.\-[\]*]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class ExpressionReader {
  private position = 0;

  constructor(private readonly text: string) {}

  value(): unknown {
    this.skipSpace();
    const next = this.text[this.position];
    if (next === '{') return this.object();
    if (next === '[') return this.array();
    if (next === '"') return this.string();
    return this.bareWord();
  }

  end(): void {
    this.skipSpace();
    if (this.position !== this.text.length) {
      this.fail('the end of the expression');
    }
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.expect('{');
    while (!this.consume('}')) {
      this.skipSpace();
      const key = this.string();
      this.expect('=');
      result[key] = this.value();
      this.consume(',');
    }
    return result;
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.expect('[');
    while (!this.consume(']')) {
      result.push(this.value());
      this.consume(',');
    }
    return result;
  }

  // cdktf writes string literals inside jsonencode() without escaping quotes, so a string
  // ends at the next quote that is followed by what may follow a value.
  private string(): string {
    this.expect('"');
    const end = /"(?=\s*(?:[,}\]=]|$))/g;
    end.lastIndex = this.position;
    const found = end.exec(this.text);
    if (!found) {
      this.fail('a closing quote');
    }
    const value = this.text.slice(this.position, found.index);
    this.position = found.index + 1;
    return value;
  }

  private bareWord(): unknown {
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.position) && !/\w/.test(this.peekAfter(word))) {
        this.position += word.length;
        return value;
      }
    }

    NUMBER.lastIndex = this.position;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.position += number[0].length;
      return Number(number[0]);
    }

    REFERENCE.lastIndex = this.position;
    const reference = REFERENCE.exec(this.text);
    if (reference) {
      this.position += reference[0].length;
      return `\${${reference[0]}}`;
    }
    return this.fail('a value');
  }

  private peekAfter(word: string): string {
    return this.text[this.position + word.length] ?? '';
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) {
      this.position += 1;
    }
  }

  private consume(token: string): boolean {
    this.skipSpace();
    if (this.text[this.position] === token) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.consume(token)) {
      this.fail(`"${token}"`);
    }
  }

  private fail(wanted: string): never {
    throw new Error(
      `Expected ${wanted} at offset ${this.position} of ${JSON.stringify(this.text)}.`,
    );
  }
}
