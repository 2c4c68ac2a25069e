import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { format, resolveConfig } from 'prettier';

/**
 * Replaces the generated part of a Markdown document, between `<!-- NAME:begin -->` and
 * `<!-- NAME:end -->`, and keeps everything else as people wrote it. A missing document is
 * created with `title` and the section. The result is formatted with the repo's Prettier
 * settings so that format checks stay green after a run.
 */
export async function writeGeneratedSection(
  path: string,
  name: string,
  title: string,
  content: string,
): Promise<void> {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${begin}\n\n${content.trim()}\n\n${end}`;
  const current = existsSync(path)
    ? readFileSync(path, 'utf8')
    : `# ${title}\n\n${begin}\n${end}\n`;

  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  if (start === -1 || stop < start) {
    throw new Error(
      `${path} lacks the markers ${begin} and ${end} around its generated part; ` +
        'put them back (or delete the file) and re-run',
    );
  }

  const updated = current.slice(0, start) + section + current.slice(stop + end.length);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(updated, { ...options, filepath: path }));
}
