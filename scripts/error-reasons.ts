import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ERROR_REASONS_FILE, renderErrorReasons } from './error-reasons.docs';

// `npm run docs:errors`: writes docs/error-reasons.md from the departments' reason tables.
mkdirSync(dirname(ERROR_REASONS_FILE), { recursive: true });
writeFileSync(ERROR_REASONS_FILE, renderErrorReasons());
console.log(`wrote ${ERROR_REASONS_FILE}`);
