import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { USER_ROLES, type UserRole } from '@duban/db';
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

  @ApiProperty({ example: 'a long passphrase', minLength: 8 })
  @IsString()
  @Length(8, 200)
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

export class UserDto {
  @ApiProperty({ example: '2b1d7c1e-8f3a-4c55-9a43-0e6f1c2d3b4a' })
  id!: string;
  @ApiProperty({ example: 'fgw_zhang' })
  username!: string;
  @ApiProperty({ example: '张伟(市发展改革委)' })
  displayName!: string;
  @ApiProperty({ enum: USER_ROLES, example: 'department' })
  role!: UserRole;
  @ApiProperty({ nullable: true, example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a' })
  departmentId!: string | null;
  @ApiProperty({ example: true })
  active!: boolean;
}
