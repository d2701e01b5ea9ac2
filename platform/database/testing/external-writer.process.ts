import Sqlite from 'better-sqlite3';

// Child process of the driver spec: another program writing the same file. It takes the write lock,
// says "locked" on stdout, holds the lock for the given milliseconds, then commits and exits.

const [file, holdMs] = [process.argv[2], Number(process.argv[3])];
const database = new Sqlite(file, { fileMustExist: true, timeout: 15_000 });
database.exec('BEGIN IMMEDIATE');
database.prepare('INSERT INTO transfer (label, line_count) VALUES (?, 0)').run('other process');
process.stdout.write('locked\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
database.exec('COMMIT');
database.close();
