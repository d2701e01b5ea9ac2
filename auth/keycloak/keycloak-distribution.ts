import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the distribution is unpacked and built (ignored by git), beside `auth/`. */
export const KEYCLOAK_DIRECTORY = join(__dirname, '..', '..', '..', '.keycloak');

/** The Keycloak server distribution the single window is tested against (Maven Central, `keycloak-quarkus-dist`). */
export const KEYCLOAK_VERSION = '26.7.3';
const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz`;
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/**
 * Build-time options (`kc.sh build`): an in-memory database, so every start imports the realm afresh and
 * leaves nothing behind, and the health endpoints on the management port. Starting with `--optimized`
 * then skips Quarkus's augmentation (about 18 s on this machine) at each start.
 */
export const BUILD_OPTIONS = ['--db=dev-mem', '--health-enabled=true'] as const;

export interface KeycloakDistribution {
  home: string;
  java: { home: string | undefined; version: string };
}

export class KeycloakSetupError extends Error {}

function log(message: string): void {
  process.stderr.write(`[keycloak] ${message}\n`);
}

function describeFailure(error: unknown): string {
  const failure = error as { stderr?: string; stdout?: string; message?: string };
  const output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  return output || failure.message || String(error);
}

/** The Java that runs Keycloak: KEYCLOAK_JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64), else the default `java`. */
async function javaFor(javaHome: string | undefined): Promise<KeycloakDistribution['java']> {
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  try {
    const { stderr } = await run(java, ['-version']);
    const version = /version "([^"]+)"/.exec(stderr)?.[1] ?? 'unknown';
    const major = Number(version.split('.')[0]);
    if (!(major >= 17))
      throw new KeycloakSetupError(`Keycloak ${KEYCLOAK_VERSION} needs Java 17, 21 or 25; ${java} is ${version}`);
    return { home: javaHome, version };
  } catch (error) {
    if (error instanceof KeycloakSetupError) throw error;
    throw new KeycloakSetupError(`no Java to run Keycloak (${java}): ${describeFailure(error)}`);
  }
}

/**
 * Fetches the pinned Keycloak distribution through Maven (its local repository, ~/.m2, keeps the archive
 * after the first time) and unpacks it under `directory` (ignored by git), once. Then builds it with
 * BUILD_OPTIONS, again only when they changed.
 */
export async function ensureKeycloakDistribution(directory: string): Promise<KeycloakDistribution> {
  const java = await javaFor(process.env.KEYCLOAK_JAVA_HOME);
  const home = join(directory, `keycloak-${KEYCLOAK_VERSION}`);
  mkdirSync(directory, { recursive: true });

  if (!existsSync(join(home, 'bin', 'kc.sh'))) {
    const download = join(directory, 'download');
    log(`fetching ${ARTIFACT} from Maven Central (once)…`);
    try {
      await run(
        'mvn',
        ['-q', '-B', `${DEPENDENCY_PLUGIN}:copy`, `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${download}`],
        { maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (error) {
      throw new KeycloakSetupError(`Maven could not fetch ${ARTIFACT}:\n${describeFailure(error)}`);
    }
    const archive = join(download, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.tar.gz`);
    // Unpacked beside and renamed, so an interrupted unpack never looks like a distribution.
    const unpacking = mkdtempSync(join(directory, 'unpacking-'));
    await run('tar', ['-xzf', archive, '-C', unpacking]);
    const [unpacked] = readdirSync(unpacking);
    renameSync(join(unpacking, unpacked), home);
    rmSync(unpacking, { recursive: true, force: true });
    rmSync(download, { recursive: true, force: true });
  }

  const marker = join(home, '.single-window-build');
  const wanted = JSON.stringify({ options: BUILD_OPTIONS, java: java.version });
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    log(`building Keycloak ${KEYCLOAK_VERSION} (${BUILD_OPTIONS.join(' ')}) with Java ${java.version}…`);
    try {
      await run(join(home, 'bin', 'kc.sh'), ['build', ...BUILD_OPTIONS], {
        env: keycloakEnvironment(java.home),
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      throw new KeycloakSetupError(`kc.sh build failed:\n${describeFailure(error)}`);
    }
    writeFileSync(marker, wanted);
  }
  return { home, java };
}

/** The environment kc.sh runs in: this process's, with JAVA_HOME when a Java was chosen. */
export function keycloakEnvironment(
  javaHome: string | undefined,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (javaHome) environment.JAVA_HOME = javaHome;
  return environment;
}
