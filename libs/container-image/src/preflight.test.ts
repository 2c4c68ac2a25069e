import { afterAll, describe, expect, it } from 'bun:test';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertContainerEngine } from './preflight';

// Fake CLIs on a PATH of their own stand in for an installed client with and without engine.
const bin = mkdtempSync(join(tmpdir(), 'container-preflight-'));
const env = { PATH: `${bin}:/usr/bin:/bin` };

function fakeCli(name: string, infoScript: string): void {
  const script = `#!/bin/sh\nif [ "$1" = info ]; then\n${infoScript}\nfi\nexit 0\n`;
  writeFileSync(join(bin, name), script);
  chmodSync(join(bin, name), 0o755);
}

fakeCli('engine-up', 'exit 0');
fakeCli(
  'engine-down',
  'echo "Client: Docker Engine" >&2\necho "Cannot connect to the Docker daemon" >&2\nexit 1',
);

afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe('assertContainerEngine', () => {
  it('passes when the CLI exists and its engine answers', () => {
    expect(() => assertContainerEngine('engine-up', env)).not.toThrow();
  });

  it('says what to install or set when the CLI is not on PATH', () => {
    expect(() => assertContainerEngine('no-such-cli', env)).toThrow(
      /^Container CLI "no-such-cli" was not found on PATH\. Install Docker .* or set CONTAINER_CLI/,
    );
  });

  it("quotes the engine's last error line when it does not answer", () => {
    expect(() => assertContainerEngine('engine-down', env)).toThrow(
      '"engine-down info" failed, so no container engine answers ' +
        '(Cannot connect to the Docker daemon).',
    );
  });
});
