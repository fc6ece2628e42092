import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { USER_ROLES, type UserRole } from '@duban/db';

export class LoginDto {
  @ApiProperty({ example: 'duchashi' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class AuthUserDto {
  @ApiProperty({ example: '2b1d7c1e-8f3a-4c55-9a43-0e6f1c2d3b4a' })
  id!: string;

  @ApiProperty({ example: 'fgw_zhang' })
  username!: string;

  @ApiProperty({ enum: USER_ROLES, example: 'department' })
  role!: UserRole;

  @ApiProperty({ type: String, nullable: true, example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a' })
  departmentId!: string | null;
}

export class LoginResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken!: string;

  @ApiProperty({ example: 28800 })
  expiresIn!: number;

  @ApiProperty({ type: AuthUserDto })
  user!: AuthUserDto;
}

/** The console's sign-in answer: the token itself stays in the httpOnly cookie. */
export class SessionResponseDto {
  @ApiProperty({ example: 28800, description: 'Seconds until the session cookie expires' })
  expiresIn!: number;

  @ApiProperty({ type: AuthUserDto })
  user!: AuthUserDto;
}
