import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface PersistedOperation {
  clientId: string;
  name: string;
  /** SHA-256 of the document text, the hash Apollo's persisted-query extension carries. */
  sha256: string;
  document: string;
}

export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/**
 * The seed data of the registered operations (gateway/exchange/operations): `<directory>/<clientId>/<Name>.graphql`,
 * one named operation per file, registered by `seed` in the gateway's database at start. A client sends
 * the document or only its hash (`extensions.persistedQuery.sha256Hash`); anything else from a machine
 * client is refused.
 */
export class PersistedOperations {
  private readonly byClient = new Map<string, Map<string, PersistedOperation>>();

  static load(directory: string): PersistedOperations {
    const registry = new PersistedOperations();
    if (!existsSync(directory)) return registry;
    for (const clientId of readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)) {
      for (const file of readdirSync(join(directory, clientId))
        .filter((name) => name.endsWith('.graphql'))
        .sort()) {
        const document = readFileSync(join(directory, clientId, file), 'utf8');
        const operations = parse(document).definitions.filter(
          (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
        );
        if (operations.length !== 1 || !operations[0].name)
          throw new Error(`${clientId}/${file} must hold exactly one named operation`);
        registry.add({ clientId, name: operations[0].name.value, sha256: documentHash(document), document });
      }
    }
    return registry;
  }

  add(operation: PersistedOperation): void {
    const operations = this.byClient.get(operation.clientId) ?? new Map<string, PersistedOperation>();
    operations.set(operation.sha256, operation);
    this.byClient.set(operation.clientId, operations);
  }

  allowed(clientId: string, sha256: string): PersistedOperation | undefined {
    return this.byClient.get(clientId)?.get(sha256);
  }

  /** The document of a registered operation (RegisteredDocuments, for tests and tools without a database). */
  cachedDocument(sha256: string): string | undefined {
    return this.all().find((operation) => operation.sha256 === sha256)?.document;
  }

  document(sha256: string): Promise<string | undefined> {
    return Promise.resolve(this.cachedDocument(sha256));
  }

  all(): PersistedOperation[] {
    return [...this.byClient.values()].flatMap((operations) => [...operations.values()]);
  }
}
