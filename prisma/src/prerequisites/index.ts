export { addPrerequisite, PrerequisiteInput } from './add-prerequisite.js';
export { removePrerequisite } from './remove-prerequisite.js';
