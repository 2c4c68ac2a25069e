/**
 * Memory sizes, in MiB, that Fargate accepts for each CPU size, in CPU units (1024 = 1 vCPU),
 * from the ECS developer guide's task size table.
 */
export const FARGATE_MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, steps(1024, 4096, 1024)],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

/** True when Fargate runs a task of this CPU and memory. */
export function isFargateSize(cpu: number, memoryMiB: number): boolean {
  return FARGATE_MEMORY_BY_CPU.get(cpu)?.includes(memoryMiB) ?? false;
}

function steps(first: number, last: number, step: number): number[] {
  return Array.from({ length: (last - first) / step + 1 }, (_, index) => first + index * step);
}
