import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * A list's optional `?limit=` (1..maximum, read from the query string as a number), documented
 * with an example of 100. The decorators are applied as they would be stacked on the property:
 * bottom first.
 */
export function QueryLimit(maximum = 500): PropertyDecorator {
  return applyDecorators(
    ...[
      ApiPropertyOptional({ example: 100, maximum }),
      IsOptional(),
      Type(() => Number),
      IsInt(),
      Min(1),
      Max(maximum),
    ].reverse(),
  );
}
