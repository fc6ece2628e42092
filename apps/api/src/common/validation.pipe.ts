import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Deepest nesting of objects and arrays a body may have: the API's own bodies nest a few levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Most keys and array elements a body may hold in total. The largest real body, a reviewed
 * draft of a long plan, holds a few thousand; class-transformer's cost grows faster than the
 * number of keys (a 420,000-key body took minutes), so the count is checked first, in one pass.
 */
export const MAX_BODY_ENTRIES = 10_000;

export type BodyShapeProblem = 'too-deep' | 'too-many-entries';

/**
 * The first way `value` is over the bounds, or null: nesting deeper than `maxDepth` levels or
 * more than `maxEntries` keys and elements in all. Walked without recursion, stopping as soon as
 * a bound is passed, so the cost is linear in the body and capped by the bounds.
 */
export function bodyShapeProblem(
  value: unknown,
  maxDepth = MAX_BODY_DEPTH,
  maxEntries = MAX_BODY_ENTRIES,
): BodyShapeProblem | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let entries = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') {
      continue;
    }
    if (depth > maxDepth) {
      return 'too-deep';
    }
    const children = Array.isArray(item) ? (item as unknown[]) : Object.values(item);
    entries += children.length;
    if (entries > maxEntries) {
      return 'too-many-entries';
    }
    for (const child of children) {
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** Whether `value` nests objects or arrays deeper than `max` levels. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  return bodyShapeProblem(value, max, Number.POSITIVE_INFINITY) === 'too-deep';
}

const SHAPE_MESSAGES: Record<BodyShapeProblem, string> = {
  'too-deep': `The body nests objects or arrays deeper than ${MAX_BODY_DEPTH} levels`,
  'too-many-entries': `The body holds more than ${MAX_BODY_ENTRIES} fields and list items in all; send less at once`,
};

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH or holding more than MAX_BODY_ENTRIES keys and
 * elements before class-transformer walks it: that walk recurses (a few thousand nested brackets
 * would overflow the stack, a 500) and its cost grows faster than the key count (one request
 * could stall every other).
 */
class ShapeLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = metadata.type === 'body' ? bodyShapeProblem(value) : null;
    if (problem) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: SHAPE_MESSAGES[problem],
      });
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * Validates every body and query against its DTO: unknown fields are refused, and a 400 lists
 * each bad field with its messages, e.g. { fields: [{ field: "percent", messages: [...] }] }.
 */
export function createValidationPipe(): ValidationPipe {
  return new ShapeLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid ${fields.map((f) => f.field).join(', ')}: ${fields.map((f) => f.messages.join('; ')).join(' | ')}`,
        fields,
      });
    },
  });
}
