import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DEPARTMENT_KINDS, type DepartmentKind } from '@duban/db';
import { IsPlainEmail, IsSingleLineName } from '../common/input-rules';

export class CreateDepartmentDto {
  @ApiProperty({ example: '市发展改革委' })
  @IsString()
  @IsSingleLineName()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    example: ['发展改革委', '发改委'],
    description: 'Short names plans use without the 市/兵团 prefix',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsSingleLineName({ each: true })
  @Length(1, 200, { each: true })
  shortNames?: string[];

  @ApiPropertyOptional({
    example: ['市發展改革委'],
    description: 'Other spellings confirmed by the office',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsSingleLineName({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ example: ['fgw@wuzhou.gov.cn'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsPlainEmail({ each: true })
  emails?: string[];

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS, example: 'government' })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}

export class DepartmentDto {
  @ApiProperty({ example: '5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a' })
  id!: string;
  @ApiProperty({ example: '市发展改革委' })
  name!: string;
  @ApiProperty({ example: ['发展改革委'] })
  shortNames!: string[];
  @ApiProperty({ example: ['市發展改革委'] })
  aliases!: string[];
  @ApiProperty({ example: ['fgw@wuzhou.gov.cn'] })
  emails!: string[];
  @ApiProperty({ enum: DEPARTMENT_KINDS, example: 'government' })
  kind!: DepartmentKind;
  @ApiProperty({ nullable: true, type: String, example: null })
  parentId!: string | null;
}

export class DirectoryLoadResultDto {
  @ApiProperty({ example: ['config/departments/seed-plans.yaml'] })
  files!: string[];
  @ApiProperty({ example: 70 })
  created!: number;
  @ApiProperty({ example: 4 })
  updated!: number;
}
