import { readJsonencode } from '@simple-time-service/infra-app-service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The image that the synthesized stack's task definition runs, read from
 * `cdktf.out/stacks/<stack>/cdk.tf.json`, so a deploy can refuse a stale synth whose image is
 * not the one just pushed.
 */
export function readSynthesizedImage(outputDir: string, stackName: string): string {
  const file = join(outputDir, 'stacks', stackName, 'cdk.tf.json');
  const stack = JSON.parse(readFileSync(file, 'utf8')) as {
    resource?: { aws_ecs_task_definition?: Record<string, { container_definitions: string }> };
  };

  const [taskDefinition] = Object.values(stack.resource?.aws_ecs_task_definition ?? {});
  if (!taskDefinition) {
    throw new Error(`${file} has no aws_ecs_task_definition: run \`npx nx run infra:synth\`.`);
  }
  const [container] = readJsonencode(taskDefinition.container_definitions) as { image: string }[];
  return container!.image;
}
