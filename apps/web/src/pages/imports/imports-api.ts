import { api, unwrap } from '../../api/client';
import type { EditBody } from './draft-editor';
import type { ImportSummary } from './import-draft.types';

/** The api's calls this page makes, typed by the review document the console reads. */
export async function uploadPlan(file: File, newVersion: boolean): Promise<ImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  const summary = await unwrap(
    api.POST('/api/v1/plan-imports/upload', {
      params: { query: { newVersion } },
      // multipart: the browser writes the boundary; openapi-fetch leaves FormData as it is.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
  return summary as unknown as ImportSummary;
}

export async function fetchImport(id: string): Promise<ImportSummary> {
  const summary = await unwrap(api.GET('/api/v1/plan-imports/{id}', { params: { path: { id } } }));
  return summary as unknown as ImportSummary;
}

export async function editImport(id: string, body: EditBody): Promise<ImportSummary> {
  const summary = await unwrap(
    api.PATCH('/api/v1/plan-imports/{id}', { params: { path: { id } }, body }),
  );
  return summary as unknown as ImportSummary;
}

export async function commitImport(id: string, rowVersion: number): Promise<ImportSummary> {
  const summary = await unwrap(
    api.POST('/api/v1/plan-imports/{id}/commit', {
      params: { path: { id } },
      body: { rowVersion },
    }),
  );
  return summary as unknown as ImportSummary;
}

export function fetchSource(id: string) {
  return unwrap(api.GET('/api/v1/plan-imports/{id}/source', { params: { path: { id } } }));
}

export type ImportState = ImportSummary['state'];

/** The latest 50 imports, of one state or all. */
export function fetchImports(state: ImportState | null) {
  return unwrap(
    api.GET('/api/v1/plan-imports', {
      params: { query: { limit: 50, ...(state ? { state } : {}) } },
    }),
  );
}

export function fetchDepartments() {
  return unwrap(api.GET('/api/v1/departments'));
}

export async function discardImport(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/plan-imports/{id}', { params: { path: { id } } }));
}
