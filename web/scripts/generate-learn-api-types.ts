import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LEARN_API_TYPES_FILE,
  renderLearnApiTypes,
} from '../src/features/learning/learn-api/render-learn-api-types';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
await writeFile(path.join(web, LEARN_API_TYPES_FILE), await renderLearnApiTypes());
console.log(`wrote ${LEARN_API_TYPES_FILE}`);
