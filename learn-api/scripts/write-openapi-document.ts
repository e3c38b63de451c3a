import { writeFile } from 'node:fs/promises';
import { describeApi } from '../src/app.js';

/**
 * Writes the API's OpenAPI document to the file named by the first argument (stdout without
 * one), without starting a server or reaching any outside system.
 */
const document = `${JSON.stringify(describeApi(), null, 2)}\n`;
const target = process.argv[2];
if (target) await writeFile(target, document);
else process.stdout.write(document);
