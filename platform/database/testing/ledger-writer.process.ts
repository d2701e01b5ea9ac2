import { inTransaction } from '../data-source.factory';
import { EMBEDDED_LEDGER, openLedger, Transfer, TransferLine } from './ledger.fixture';

// Child process of the crash spec: writes transfers with their lines in transactions, three writers
// at once, and prints each transfer's id on stdout once its transaction has committed. It never stops
// by itself; the spec kills it with SIGKILL.

const WRITERS = 3;

async function writeForever(dataDir: string): Promise<void> {
  const dataSource = await openLedger(EMBEDDED_LEDGER, dataDir);
  const writer = async (writerIndex: number) => {
    for (let round = 0; ; round += 1) {
      const lineCount = 1 + ((round * WRITERS + writerIndex) % 25);
      const id = await inTransaction(dataSource, async (manager) => {
        const { identifiers } = await manager.insert(Transfer, { label: `writer ${writerIndex}`, lineCount });
        const transferId = identifiers[0].id as number;
        // One statement per line, so a kill can land between them.
        for (let position = 0; position < lineCount; position += 1) {
          await manager.insert(TransferLine, { transferId, position });
        }
        return transferId;
      });
      process.stdout.write(`${id}\n`);
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
}

writeForever(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
