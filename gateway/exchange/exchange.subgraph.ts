import type { GraphQLSchema } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AccessRules } from '../../platform/auth/access-rules';
import type { AccessTokenVerifier } from '../../platform/auth/access-token.verifier';
import { buildSdlSubgraphSchema } from '../../platform/graphql/sdl-subgraph';
import { maskTextFields, type TextFieldRules } from '../../platform/graphql/text-fields';
import type { Logger } from '../../platform/observability/logger';
import { startHostedSubgraph, type HostedSubgraph } from '../hosted-subgraph';
import type { ExchangeContext, ExchangeServices } from './exchange.context';
import type { ExchangePart } from './exchange.part';
import { CATALOGUE_PART } from './catalogue/catalogue.schema';
import { GRANTS_PART } from './grants/grants.schema';
import { REQUESTS_PART } from './requests/requests.schema';
import { NOTIFICATIONS_PART } from './notifications/notifications.schema';
import { USAGE_PART } from './usage/usage.schema';
import { OPERATIONS_PART } from './operations/operations.schema';

/** The data exchange's name in the supergraph (数据共享交换); the gateway process serves it at this path. */
export const EXCHANGE_SUBGRAPH = 'exchange';
export const EXCHANGE_PATH = '/internal/exchange/graphql';

/** The exchange subgraph's parts, each in its own folder. */
export const EXCHANGE_PARTS: readonly ExchangePart[] = [
  CATALOGUE_PART,
  GRANTS_PART,
  REQUESTS_PART,
  OPERATIONS_PART,
  NOTIFICATIONS_PART,
  USAGE_PART,
];

const BASE_TYPE_DEFS = `
"""A date and time, ISO 8601, UTC."""
scalar DateTimeISO
`;

/** What every part declares, merged; a type declared by two parts is a programming error. */
function merged<TValue>(part: (one: ExchangePart) => Readonly<Record<string, TValue>>): Record<string, TValue> {
  const all: Record<string, TValue> = {};
  for (const one of EXCHANGE_PARTS) {
    for (const [name, value] of Object.entries(part(one))) {
      if (name in all) throw new Error(`exchange type ${name} is declared by two parts`);
      all[name] = value;
    }
  }
  return all;
}

export const EXCHANGE_ACCESS: AccessRules = merged((part) => part.access);
export const EXCHANGE_TEXT_FIELDS: TextFieldRules = merged((part) => part.textFields);

function resolvers(): GraphQLResolverMap<ExchangeContext> {
  const all: Record<string, Record<string, unknown>> = {};
  for (const part of EXCHANGE_PARTS) {
    for (const [typeName, fields] of Object.entries(part.resolvers)) {
      if (typeof fields !== 'object' || fields === null || 'serialize' in fields) {
        all[typeName] = fields as Record<string, unknown>;
        continue;
      }
      const into = (all[typeName] ??= {});
      for (const [field, resolve] of Object.entries(fields)) {
        if (field in into) throw new Error(`exchange resolver ${typeName}.${field} is declared by two parts`);
        into[field] = resolve;
      }
    }
  }
  return all as GraphQLResolverMap<ExchangeContext>;
}

/** The exchange subgraph's schema (a promise, as every subgraph's `buildSchema` gives). */
export function buildExchangeSchema(): Promise<GraphQLSchema> {
  const typeDefs = [BASE_TYPE_DEFS, ...EXCHANGE_PARTS.map((part) => part.typeDefs)].join('\n');
  return Promise.resolve(maskTextFields(buildSdlSubgraphSchema(typeDefs, resolvers()), EXCHANGE_TEXT_FIELDS));
}

/** Serves the exchange subgraph inside the gateway process (see startHostedSubgraph). */
export async function startExchangeSubgraph(options: {
  services: ExchangeServices;
  verifier: AccessTokenVerifier;
  production: boolean;
  logger: Logger;
}): Promise<HostedSubgraph> {
  return startHostedSubgraph<ExchangeContext>({
    schema: await buildExchangeSchema(),
    verifier: options.verifier,
    production: options.production,
    logger: options.logger,
    context: (identity) => ({ identity, exchange: options.services }),
  });
}
