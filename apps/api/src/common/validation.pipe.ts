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

/** Whether `value` nests objects or arrays deeper than `max` levels (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') {
      continue;
    }
    if (depth > max) {
      return true;
    }
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH before class-transformer walks it: that walk
 * recurses, and a body of a few thousand nested brackets would overflow the stack (a 500).
 */
class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && nestedDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `The body nests objects or arrays deeper than ${MAX_BODY_DEPTH} levels`,
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
  return new DepthLimitedValidationPipe({
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
