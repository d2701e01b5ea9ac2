import { z } from 'zod';
import type { PlatformConfig } from './config';

// A department's (or the gateway's) own settings: the environment variables it reads, each with its
// rule and default, and the typed object its code is handed. Declared next to the code that uses it
// (`<department>.config.ts`); a process validates the platform's settings and the sections it runs
// together, so every problem is listed at once (see loadProcessConfig).

/** One problem with one variable, as `VARIABLE: what is wrong`. */
export type ConfigProblem = string;

export interface ConfigSection<TSettings> {
  /** The variables this section reads (for the README check and to catch two owners of one name). */
  readonly variableNames: readonly string[];
  /**
   * Validates the section's variables in `source`; the settings are built only when the platform's
   * settings are valid too (`platform` is null otherwise, and only the problems are returned).
   */
  read(
    source: Readonly<Record<string, unknown>>,
    platform: PlatformConfig | null,
  ): { problems: ConfigProblem[]; settings?: TSettings };
}

export type SettingsOf<TSection> = TSection extends ConfigSection<infer TSettings> ? TSettings : never;

/** Formats zod's issues as `VARIABLE: message`, the form every configuration problem takes. */
export function describeIssues(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
}

export function defineConfigSection<TShape extends z.ZodRawShape, TSettings>(definition: {
  variables: TShape;
  /** Problems only production has (a simulator's default address, ...), as [variable, message]. */
  productionProblems?: (values: z.infer<z.ZodObject<TShape>>) => Array<[variable: keyof TShape & string, string]>;
  build(values: z.infer<z.ZodObject<TShape>>, platform: PlatformConfig): TSettings;
}): ConfigSection<TSettings> {
  const schema = z.object(definition.variables);
  return {
    variableNames: Object.keys(definition.variables),
    read(source, platform) {
      const parsed = schema.safeParse(source);
      if (!parsed.success) return { problems: describeIssues(parsed.error) };
      // An invalid APP_ENV is the platform's problem; read it raw so production's rules still run.
      const production = platform ? platform.environment === 'production' : source.APP_ENV === 'production';
      const problems = production
        ? (definition.productionProblems?.(parsed.data) ?? []).map(([variable, message]) => `${variable}: ${message}`)
        : [];
      if (problems.length > 0 || !platform) return { problems };
      return { problems, settings: definition.build(parsed.data, platform) };
    },
  };
}

/** The section of a department without settings of its own. */
export const NO_SETTINGS: ConfigSection<undefined> = defineConfigSection({ variables: {}, build: () => undefined });
