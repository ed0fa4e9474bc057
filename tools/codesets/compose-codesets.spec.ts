import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMPOSE = readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8').split('\n');

/** The lines of a top-level key's block (`x-codesets-volume:`) or of a service's (`  care-gaps:`), by indentation. */
function block(header: string): string[] {
  const start = COMPOSE.indexOf(header);
  if (start < 0) return [];
  const indent = header.length - header.trimStart().length;
  const end = COMPOSE.findIndex(
    (line, index) =>
      index > start && line.trim().length > 0 && line.length - line.trimStart().length <= indent,
  );
  return COMPOSE.slice(start + 1, end < 0 ? undefined : end).map((line) => line.trim());
}

/**
 * ADR 19: the services that decide with code sets read the release from one shared directory. The compose file is
 * not run by the tests (no Docker engine needed), so this reads it: both services name the same CODESETS_DIR and
 * mount the one shared, read-only volume there.
 */
describe('docker-compose.yml and code set releases', () => {
  it('mounts one read-only directory at /var/lib/care/codesets', () => {
    const volume = block('x-codesets-volume: &codesets-volume');
    expect(volume).toEqual(
      expect.arrayContaining([
        'type: bind',
        'source: ${CODESETS_HOST_DIR:-./tmp/codesets}',
        'target: /var/lib/care/codesets',
        'read_only: true',
      ]),
    );
  });

  it.each(['condition-identification', 'care-gaps'])(
    '%s reads CODESETS_DIR from that directory',
    (service) => {
      const lines = block(`  ${service}:`);
      expect(lines).toContain('CODESETS_DIR: /var/lib/care/codesets');
      expect(lines).toContain('- *codesets-volume');
    },
  );

  it('no other service mounts it (only these two decide with code sets)', () => {
    const users = COMPOSE.map((line, index) => [line.trim(), index] as const)
      .filter(([line]) => line === '- *codesets-volume')
      .map(([, index]) =>
        COMPOSE.slice(0, index)
          .reverse()
          .find((line) => /^ {2}[a-z][a-z-]*:$/.test(line))
          ?.trim(),
      );
    expect(users).toEqual(['condition-identification:', 'care-gaps:']);
  });
});
