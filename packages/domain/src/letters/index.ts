/** Letters: templates with merge fields, single and batch letters on the letterhead, the mail log. */

export * from './letters.schemas.ts';
export type { LettersTables } from './letters.tables.ts';
export { BATCH_AUDIENCES, TEMPLATE_KINDS } from './letters.tables.ts';
export { MERGE_FIELDS, type MergeField } from './merge-fields.ts';
export { createTemplate } from './create-template.ts';
export { updateTemplate } from './update-template.ts';
export { getTemplate, listTemplates } from './list-templates.ts';
export { createLetter, previewLetter } from './create-letter.ts';
export { printBatch, printLetter } from './print-letter.ts';
export { listLetters } from './list-letters.ts';
export { createBatch } from './create-batch.ts';
export { listBatches } from './list-batches.ts';
export { seedLettersDemo } from './seed-letters-demo.ts';
export { taskFromLetter } from './task-from-letter.ts';
