/**
 * The README's table of extracts and columns, written from the extract
 * definitions (src/normalise/extracts/), so the documentation cannot drift
 * from what the reader accepts.
 */
import { EXTRACT_NAMES, EXTRACTS, type FieldDef } from '../../src/normalise/extracts.js';

const TYPE_TEXT: Readonly<Record<FieldDef['type'], string>> = {
  id: 'identifier',
  text: 'text',
  code: 'code',
  date: 'date',
  flag: 'yes/no',
  choice: 'one of a list',
  number: 'number',
};

function meaning(name: keyof typeof EXTRACTS, field: FieldDef): string {
  const def = EXTRACTS[name];
  const notes: string[] = [];
  if (def.keyField === null && field.name === def.compositeKey[0]) notes.push(`the record's key is ${def.compositeKey.map((c) => `\`${c}\``).join(' + ')}`);
  if (field.name === def.keyField) {
    const withKey = (def.keyWith ?? []).map((c) => ` with \`${c}\``).join('');
    notes.push(`the record's key${withKey}; without one, ${def.compositeKey.map((c) => `\`${c}\``).join(' + ')}`);
  }
  if (field.doc) notes.push(field.doc);
  for (const [earlier, later] of def.order) if (later === field.name) notes.push(`not before \`${earlier}\``);
  return notes.join('; ');
}

/** The Markdown table: one row per column of every extract. */
export function extractTable(): string {
  const rows = ['| extract | column | type | required | meaning |', '|---|---|---|---|---|'];
  for (const name of EXTRACT_NAMES) {
    EXTRACTS[name].fields.forEach((field, i) => {
      const headings = field.aliases.length ? ` [${field.aliases.join('; ')}]` : '';
      rows.push(`| ${i === 0 ? name : ''} | \`${field.name}\`${headings} | ${TYPE_TEXT[field.type]} | ${field.required ? 'yes' : ''} | ${meaning(name, field)} |`);
    });
  }
  return rows.join('\n');
}
