import { describe, expect, it } from 'bun:test';
import { Fn, TerraformOutput, Testing } from 'cdktf';
import { readJsonencode } from '../src';

function synthesizedJsonencode(value: unknown): string {
  const stack = JSON.parse(
    Testing.synthScope((scope) => {
      new TerraformOutput(scope, 'value', { value: Fn.jsonencode(value) });
    }),
  );
  return Object.values(stack.output as Record<string, { value: string }>)[0]!.value;
}

describe('readJsonencode', () => {
  it('reads back nested objects, arrays, numbers and booleans', () => {
    const value = { name: 'web', ports: [80, 443], on: true, off: false, ratio: 0.5 };

    expect(readJsonencode(synthesizedJsonencode(value))).toEqual(value);
  });

  it('keeps single quotes, colons and slashes inside strings', () => {
    const value = ['CMD', "fetch('http://127.0.0.1:8080/healthz')", '10.0.0.0/24,10.0.1.0/24'];

    expect(readJsonencode(synthesizedJsonencode(value))).toEqual(value);
  });

  it('returns Terraform references as ${reference} strings', () => {
    expect(readJsonencode('${jsonencode({"group" = aws_cloudwatch_log_group.logs.name})}')).toEqual(
      { group: '${aws_cloudwatch_log_group.logs.name}' },
    );
  });

  it('throws on a value that is not a jsonencode() call', () => {
    expect(() => readJsonencode('[{"name":"web"}]')).toThrow('Expected "${jsonencode(...)}"');
  });
});
