import type { components } from '../../api/schema';

export type Department = components['schemas']['DepartmentDto'];
export type User = components['schemas']['UserDto'];
export type Role = User['role'];
export type DirectoryTab = 'departments' | 'users';
export type DepartmentChange = components['schemas']['UpdateDepartmentDto'];
export type UserChange = components['schemas']['UpdateUserDto'];

export const ROLES: readonly Role[] = ['admin', 'supervisor', 'leader', 'department'];

export function directoryTabOf(param: string | null): DirectoryTab {
  return param === 'users' ? 'users' : 'departments';
}

/** A list typed as tags: trimmed, blanks dropped, each written once (first spelling kept). */
export function cleanList(values: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const value of values ?? []) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (trimmed && !seen.has(key)) {
      seen.add(key);
      kept.push(trimmed);
    }
  }
  return kept;
}

export interface DepartmentForm {
  name: string;
  shortNames?: string[];
  aliases?: string[];
  emails?: string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * What the edit changes, and only that: an untouched list is not sent, so a colleague's
 * change to another field at the same time is not overwritten with what this page read.
 */
export function departmentChange(current: Department, form: DepartmentForm): DepartmentChange {
  const change: DepartmentChange = {};
  const name = form.name.trim();
  if (name !== current.name) {
    change.name = name;
  }
  for (const field of ['shortNames', 'aliases', 'emails'] as const) {
    const next = cleanList(form[field]);
    if (!sameList(next, current[field])) {
      change[field] = next;
    }
  }
  return change;
}

export interface UserForm {
  displayName: string;
  role: Role;
  departmentId?: string | null;
}

/**
 * A user's edit as the api takes it: the department goes with the department role only (null
 * when the role becomes another), and unchanged fields are left out.
 */
export function userChange(current: User, form: UserForm): UserChange {
  const change: UserChange = {};
  const displayName = form.displayName.trim();
  if (displayName !== current.displayName) {
    change.displayName = displayName;
  }
  const departmentId = form.role === 'department' ? (form.departmentId ?? null) : null;
  if (form.role !== current.role) {
    change.role = form.role;
  }
  if (departmentId !== current.departmentId) {
    change.departmentId = departmentId;
  }
  return change;
}

export function isEmptyChange(change: object): boolean {
  return Object.keys(change).length === 0;
}
