import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { DEPARTMENT_KINDS } from '@duban/db';

const entrySchema = z.strictObject({
  name: z.string().min(1).max(200),
  shortNames: z.array(z.string().min(1)).optional(),
  aliases: z.array(z.string().min(1)).optional(),
  emails: z.array(z.email()).optional(),
  kind: z.enum(DEPARTMENT_KINDS).optional(),
  parent: z.string().min(1).optional(),
});
const fileSchema = z.strictObject({ departments: z.array(entrySchema) });

export type DirectoryEntry = z.infer<typeof entrySchema>;

/** A directory file that cannot be read: names the file and the entry. */
export class DirectoryFileError extends Error {
  override readonly name = 'DirectoryFileError';
}

/** Reads config/departments/*.yaml; every file is validated before anything is written. */
export function readDepartmentDirectory(directory: string): {
  files: string[];
  entries: DirectoryEntry[];
} {
  const files = readdirSync(directory)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(directory, f));
  const entries: DirectoryEntry[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DirectoryFileError(
        `${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DirectoryFileError(
        `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
    }
    for (const entry of parsed.data.departments) {
      const other = seen.get(entry.name);
      if (other) {
        throw new DirectoryFileError(`${file}: ${entry.name} is listed twice (also in ${other})`);
      }
      seen.set(entry.name, file);
      entries.push(entry);
    }
  }
  for (const entry of entries) {
    if (entry.parent && !seen.has(entry.parent)) {
      throw new DirectoryFileError(
        `${seen.get(entry.name)}: parent "${entry.parent}" of ${entry.name} is not in the directory`,
      );
    }
  }
  return { files, entries };
}
