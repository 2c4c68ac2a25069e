import { describe, expect, it } from 'bun:test';

import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('defaults to port 8080 on every IPv4 interface, trusting no proxy, logging info', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      trustProxy: { kind: 'none' },
      logLevel: 'info',
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', HOST: '', LOG_LEVEL: '' }).port).toBe(8080);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '::',
      TRUST_PROXY: '10.0.0.0/24',
      LOG_LEVEL: 'WARN',
    });

    expect(config.port).toBe(9000);
    expect(config.host).toBe('::');
    expect(config.trustProxy.kind).toBe('ranges');
    expect(config.logLevel).toBe('warn');
  });

  it('accepts a host name', () => {
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  const invalid: readonly [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535, got "abc"'],
    [{ PORT: '0' }, 'PORT must be an integer from 1 to 65535, got "0"'],
    [{ PORT: '65536' }, 'PORT must be an integer from 1 to 65535, got "65536"'],
    [{ PORT: '80.5' }, 'PORT must be an integer from 1 to 65535, got "80.5"'],
    [{ PORT: '-1' }, 'PORT must be an integer from 1 to 65535, got "-1"'],
    [{ HOST: 'two words' }, 'HOST must be an IP address'],
    [{ HOST: 'http://x' }, 'HOST must be an IP address'],
    [{ HOST: '999.1.1.1' }, 'HOST must be an IP address'],
    [{ HOST: '10.0.0' }, 'HOST must be an IP address'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be unset (trust no proxy), a hop count'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of trace, debug, info'],
  ];

  for (const [env, message] of invalid) {
    it(`rejects ${JSON.stringify(env)} naming the variable`, () => {
      expect(() => loadConfig(env)).toThrow(message);
    });
  }

  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', TRUST_PROXY: 'x' });
      throw new Error('loadConfig accepted invalid values');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.split(' ')[0])).toEqual([
        'PORT',
        'TRUST_PROXY',
        'LOG_LEVEL',
      ]);
    }
  });
});
