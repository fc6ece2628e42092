import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { USER_ROLES, type UserRole } from '@duban/db';
import { IsAcceptablePassword } from '../auth/password-policy.validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password-policy';

const PASSWORD_DOC = {
  example: '春风又绿江南岸明月何时照我还',
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  description:
    'At least 10 characters; not only digits, a sequence, a common password or the user name. A phrase in Chinese counts in full.',
};
import { IsSingleLineName } from '../common/input-rules';

export class CreateUserDto {
  @ApiProperty({ example: 'fgw_zhang', description: 'Letters, digits, _ . - (3–50)' })
  @Matches(/^[A-Za-z0-9_.-]{3,50}$/, { message: 'username must be 3–50 letters, digits, _ . or -' })
  username!: string;

  @ApiProperty({ example: '张伟(市发展改革委)' })
  @IsString()
  @IsSingleLineName()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ enum: USER_ROLES, example: 'department' })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiPropertyOptional({
    example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a',
    description: 'Required for the department role, absent otherwise',
  })
  @ValidateIf((dto: CreateUserDto) => dto.role === 'department' || dto.departmentId !== undefined)
  @IsUUID()
  @IsOptional()
  departmentId?: string;
}

/** What an admin may change of a user; a change of role or department ends their sessions. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张伟(市发展改革委)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsSingleLineName()
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, example: 'department' })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a',
    description:
      'The department of a department user; null (or left out) when the role becomes another',
  })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;
}

export class ResetPasswordDto {
  @ApiProperty(PASSWORD_DOC)
  @IsAcceptablePassword()
  newPassword!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'the password used to sign in' })
  @IsString()
  @Length(1, MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsAcceptablePassword()
  newPassword!: string;
}

export class UserDto {
  @ApiProperty({ example: '2b1d7c1e-8f3a-4c55-9a43-0e6f1c2d3b4a' })
  id!: string;
  @ApiProperty({ example: 'fgw_zhang' })
  username!: string;
  @ApiProperty({ example: '张伟(市发展改革委)' })
  displayName!: string;
  @ApiProperty({ enum: USER_ROLES, example: 'department' })
  role!: UserRole;
  @ApiProperty({ nullable: true, type: String, example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a' })
  departmentId!: string | null;
  @ApiProperty({ example: true })
  active!: boolean;
}
