import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import {
  CreateDepartmentDto,
  DepartmentDto,
  DirectoryLoadResultDto,
  UpdateDepartmentDto,
} from './department.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({
    summary: 'The department directory, optionally filtered by name, short name or alias',
  })
  @ApiQuery({ name: 'q', required: false, example: '发展改革委' })
  @ApiOkResponse({ type: [DepartmentDto] })
  list(@Query('q') q?: string): Promise<DepartmentDto[]> {
    return this.departments.list(q?.slice(0, 200));
  }

  @Get(':id')
  @ApiOkResponse({ type: DepartmentDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DepartmentDto> {
    return this.departments.get(id);
  }

  @Post()
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Add a department (the office)' })
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiConflictResponse({ description: 'Name taken' })
  create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreateDepartmentDto,
  ): Promise<DepartmentDto> {
    return this.departments.create(actor, body);
  }

  @Patch(':id')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({
    summary: 'Change name, short names, aliases, mail addresses, kind or parent (the office)',
  })
  @ApiOkResponse({ type: DepartmentDto })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDepartmentDto,
  ): Promise<DepartmentDto> {
    return this.departments.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a department with no tasks and no users (admin)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The department still has tasks or users' })
  remove(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.departments.remove(actor, id);
  }

  @Post('directory/load')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Load config/departments/*.yaml: create missing departments, update the others by name',
  })
  @ApiOkResponse({ type: DirectoryLoadResultDto })
  loadDirectory(@CurrentUser() actor: AuthUser): Promise<DirectoryLoadResultDto> {
    return this.departments.loadDirectory(actor);
  }
}
