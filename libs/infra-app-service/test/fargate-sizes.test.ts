import { describe, expect, it } from 'bun:test';
import { FARGATE_MEMORY_BY_CPU, isFargateSize } from '../src/private/fargate-sizes';

describe('isFargateSize', () => {
  it.each([
    [256, 512],
    [256, 2048],
    [512, 4096],
    [4096, 30720],
    [8192, 61440],
    [16384, 122880],
  ])('accepts %i CPU with %i MiB', (cpu, memory) => {
    expect(isFargateSize(cpu, memory)).toBe(true);
  });

  it.each([
    [256, 4096],
    [512, 512],
    [8192, 20000],
    [128, 512],
  ])('rejects %i CPU with %i MiB', (cpu, memory) => {
    expect(isFargateSize(cpu, memory)).toBe(false);
  });

  it('steps 8 vCPU memory by 4 GiB, as Fargate does', () => {
    expect(FARGATE_MEMORY_BY_CPU.get(8192)).toHaveLength(12);
  });
});
