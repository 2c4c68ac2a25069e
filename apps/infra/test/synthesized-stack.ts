import { readJsonencode } from '@simple-time-service/infra-app-service';
import { Testing } from 'cdktf';
import { loadInfraConfig } from '../src/load-config';
import { TimeServiceStack } from '../src/time-service-stack';

/** Image the policy tests deploy: a registry path and a commit tag, as docker-push names it. */
export const TEST_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/time:0123456789ab';

type Block = Record<string, any>;

/** A synthesized stack, parsed, with lookups by type and by Terraform reference. */
export class SynthesizedStack {
  constructor(
    readonly json: { resource: Record<string, Record<string, Block>>; [key: string]: any },
  ) {}

  /** Every resource of a type. */
  all(type: string): Block[] {
    return Object.values(this.json.resource[type] ?? {});
  }

  /** The one resource of a type; throws when there are more or none. */
  one(type: string): Block {
    const found = this.all(type);
    if (found.length !== 1) {
      throw new Error(`Expected one ${type}, found ${found.length}.`);
    }
    return found[0]!;
  }

  /** `${type.name.attribute}` references to every resource of a type that `keep` accepts. */
  refs(type: string, attribute: string, keep: (block: Block) => boolean = () => true): string[] {
    return Object.entries(this.json.resource[type] ?? {})
      .filter(([, block]) => keep(block))
      .map(([name]) => `\${${type}.${name}.${attribute}}`);
  }

  /** The resource a `${type.name.attribute}` reference points at. */
  resolve(reference: string): Block {
    const match = /^\$\{(\w+)\.(\w+)\.\w+\}$/.exec(reference);
    const block = match && this.json.resource[match[1]!]?.[match[2]!];
    if (!block) {
      throw new Error(`Cannot resolve ${reference}.`);
    }
    return block;
  }

  /** The container definitions of the one task definition, read back from jsonencode(). */
  containers(): Block[] {
    return readJsonencode(this.one('aws_ecs_task_definition').container_definitions) as Block[];
  }
}

/** Synthesizes an environment of environments.json with no environment variables set. */
export function synthesizeEnvironment(environment: string): SynthesizedStack {
  const config = loadInfraConfig({ INFRA_ENVIRONMENT: environment });
  const stack = new TimeServiceStack(Testing.app(), { config: config.selected, image: TEST_IMAGE });
  return new SynthesizedStack(JSON.parse(Testing.synth(stack)));
}
