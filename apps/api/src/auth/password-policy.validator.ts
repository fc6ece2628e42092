import { registerDecorator, type ValidationArguments } from 'class-validator';
import { passwordProblem } from './password-policy';

/** The person's names from the body being validated, when it has them (creating a user). */
function namesOf(args: ValidationArguments): { username?: string; displayName?: string } {
  const body = args.object as { username?: unknown; displayName?: unknown };
  return {
    username: typeof body.username === 'string' ? body.username : undefined,
    displayName: typeof body.displayName === 'string' ? body.displayName : undefined,
  };
}

/** The office's password policy (password-policy.ts); the 400 says what to change. */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && passwordProblem(value, namesOf(args)) === null,
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? (passwordProblem(args.value, namesOf(args)) ?? '')
            : `${args.property} must be a string`,
      },
    });
}
