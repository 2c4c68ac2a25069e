/** A numeric setting read from a flag or the environment, with its bounds. */
export interface NumericSetting {
  /** Flag name without dashes, e.g. `rounds` for `--rounds=3`. */
  readonly flag: string;
  /** Environment variable read when the flag is absent. */
  readonly env: string;
  /** Value when neither is given. */
  readonly defaultValue: number;
  /** Smallest accepted value. */
  readonly min: number;
  /** Largest accepted value: every run stays bounded in time. */
  readonly max: number;
}

/** The wrk client settings every load script takes, from `<prefix>_CONNECTIONS` and `_THREADS`. */
export function wrkClientSettings(envPrefix: string) {
  return {
    connections: {
      flag: 'connections',
      env: `${envPrefix}_CONNECTIONS`,
      defaultValue: 64,
      min: 1,
      max: 1024,
    },
    threads: { flag: 'threads', env: `${envPrefix}_THREADS`, defaultValue: 2, min: 1, max: 16 },
  } satisfies Record<string, NumericSetting>;
}

/** Seconds of measured load per server, shared by the benchmark and the profiler. */
export const BENCH_DURATION_SETTING: NumericSetting = {
  flag: 'duration',
  env: 'BENCH_DURATION',
  defaultValue: 10,
  min: 1,
  max: 120,
};

/** Thrown when a flag or environment variable holds a value the harness cannot use. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

/**
 * Resolves numeric settings from `--name=value` flags, then environment variables, then the
 * defaults, and checks each against its bounds. Unknown flags are rejected so that a typo
 * does not silently run the defaults.
 */
export function resolveNumericSettings<Name extends string>(
  settings: Readonly<Record<Name, NumericSetting>>,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Record<Name, number> {
  const flags = parseFlags(argv);
  const known = new Set(Object.values<NumericSetting>(settings).map((each) => each.flag));
  const unknown = [...flags.keys()].filter((flag) => !known.has(flag));

  if (unknown.length > 0) {
    throw new OptionError(
      `unknown option --${unknown[0]}; accepted: ${[...known].map((f) => `--${f}`).join(', ')}`,
    );
  }

  const resolved = {} as Record<Name, number>;
  for (const [name, setting] of Object.entries(settings) as [Name, NumericSetting][]) {
    const flagValue = flags.get(setting.flag);
    const text = flagValue ?? env[setting.env];
    const source = flagValue !== undefined ? `--${setting.flag}` : setting.env;
    resolved[name] = text === undefined ? setting.defaultValue : checkValue(setting, text, source);
  }
  return resolved;
}

/** Reads `--name=value` and `--name value` pairs; other arguments are rejected. */
export function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();

  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (match === null) {
      throw new OptionError(`unexpected argument "${arg}"; options look like --rounds=3`);
    }

    const value = match[2] ?? argv[index + 1];
    if (value === undefined) {
      throw new OptionError(`option --${match[1]} needs a value, as in --${match[1]}=3`);
    }
    if (match[2] === undefined) {
      index += 1;
    }
    flags.set(match[1] as string, value);
  }
  return flags;
}

function checkValue(setting: NumericSetting, text: string, source: string): number {
  const value = Number(text);

  if (
    text.trim() === '' ||
    !Number.isInteger(value) ||
    value < setting.min ||
    value > setting.max
  ) {
    throw new OptionError(
      `${source} must be an integer from ${setting.min} to ${setting.max}, got "${text}"`,
    );
  }
  return value;
}

/**
 * `resolveNumericSettings` for a script's own flags and environment: a bad value ends the
 * script with its message and status 2, instead of a stack trace.
 */
export function readSettingsOrExit<Name extends string>(
  settings: Readonly<Record<Name, NumericSetting>>,
): Record<Name, number> {
  try {
    return resolveNumericSettings(settings, process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof OptionError)) {
      throw error;
    }
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
}
