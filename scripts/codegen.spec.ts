import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config, { GENERATED_DIRECTORY } from './codegen.config';

const projectRoot = join(__dirname, '..', '..');

describe('test/generated/', () => {
  it("matches what `npm run codegen` generates from schema/api.graphql and the tests' documents (run it after changing either)", async () => {
    const outputs = (await generate({ ...config, cwd: projectRoot, silent: true }, false)) as Array<{
      filename: string;
      content: string;
    }>;
    const generated = Object.fromEntries(
      outputs.map((output) => [relative(projectRoot, resolve(projectRoot, output.filename)), output.content]),
    );
    const directory = join(projectRoot, GENERATED_DIRECTORY);
    const committed = Object.fromEntries(
      readdirSync(directory).map((name) => [
        relative(projectRoot, join(directory, name)),
        readFileSync(join(directory, name), 'utf8'),
      ]),
    );
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, content] of Object.entries(generated)) expect([file, committed[file]]).toEqual([file, content]);
  }, 60_000);
});
