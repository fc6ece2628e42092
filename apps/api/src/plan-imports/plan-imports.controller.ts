import '@fastify/multipart';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  Param,
  ParseBoolPipe,
  ParseUUIDPipe,
  Patch,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import {
  EditImportDto,
  ImportListItemDto,
  ImportSourceDto,
  ImportSummaryDto,
  PostPlanTextDto,
} from './plan-import.dto';
import { PlanImportsService } from './plan-imports.service';

/**
 * What a failed read of the form means to the caller: a file over the limit is 413, a form cut
 * short or otherwise not readable multipart (the parser's own errors) is 400.
 */
function uploadError(error: unknown): Error {
  if (error instanceof HttpException) {
    return error;
  }
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new PayloadTooLargeException('The file is larger than 5 MB; a plan is much smaller');
  }
  return new BadRequestException(
    `The form is not readable multipart/form-data (${message ?? code ?? 'unknown error'}): send the plan in the form field "file"`,
  );
}

class CommitImportDto {
  @ApiProperty({ example: 3, description: 'The rowVersion reviewed; a stale one gets 409' })
  @IsInt()
  @Min(1)
  rowVersion!: number;
}

class ListImportsQuery {
  @ApiPropertyOptional({ enum: ['draft', 'committed', 'discarded'] })
  @IsOptional()
  @IsIn(['draft', 'committed', 'discarded'])
  state?: 'draft' | 'committed' | 'discarded';

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('plan imports')
@ApiBearerAuth()
@Roles(...OFFICE_ROLES)
@Controller('plan-imports')
export class PlanImportsController {
  constructor(private readonly imports: PlanImportsService) {}

  @Post()
  @ApiOperation({ summary: 'Import a plan from posted text: returns the draft ledger for review' })
  @ApiCreatedResponse({ type: ImportSummaryDto })
  @ApiConflictResponse({
    description: 'The document was imported before (send newVersion: true for a new version)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Empty, binary or non-UTF-8 text, or no numbered tasks',
  })
  @ApiPayloadTooLargeResponse({
    description: 'Larger than 5 MB, or more characters than imports.maxTextChars',
  })
  fromText(
    @CurrentUser() actor: AuthUser,
    @Body() body: PostPlanTextDto,
  ): Promise<ImportSummaryDto> {
    return this.imports.create(actor, {
      fileName: body.fileName ?? null,
      content: body.text,
      newVersion: body.newVersion ?? false,
    });
  }

  @Post('upload')
  @ApiOperation({
    summary: 'Import a plan from an uploaded .txt (UTF-8) or .docx file (form field "file")',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiQuery({ name: 'newVersion', required: false, example: false })
  @ApiCreatedResponse({ type: ImportSummaryDto })
  async upload(
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
    @Query('newVersion', new ParseBoolPipe({ optional: true })) newVersion?: boolean,
  ): Promise<ImportSummaryDto> {
    if (!request.isMultipart()) {
      throw new BadRequestException(
        'Send the plan as multipart/form-data with the file in the field "file"',
      );
    }
    let file: Awaited<ReturnType<FastifyRequest['file']>>;
    let bytes: Buffer;
    try {
      file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw new BadRequestException('Attach the plan in the form field "file"');
      }
      bytes = await file.toBuffer();
    } catch (error) {
      throw uploadError(error);
    }
    // @fastify/multipart checks the limit after each chunk, so a file whose last chunk reaches it
    // can come back cut at the limit without an error: a truncated plan must not be parsed.
    if (file.file.truncated) {
      throw uploadError({ code: 'FST_REQ_FILE_TOO_LARGE' });
    }
    return this.imports.upload(actor, {
      fileName: file.filename,
      bytes,
      newVersion: newVersion ?? false,
    });
  }

  @Get()
  @ApiOperation({ summary: 'The latest imports, newest first (no drafts: open one for that)' })
  @ApiOkResponse({ type: [ImportListItemDto] })
  list(@Query() query: ListImportsQuery): Promise<ImportListItemDto[]> {
    return this.imports.list({ state: query.state, limit: query.limit ?? 50 });
  }

  @Get(':id/source')
  @ApiOperation({ summary: "The text the draft was read from (the tasks' spans point into it)" })
  @ApiOkResponse({ type: ImportSourceDto })
  source(@Param('id', ParseUUIDPipe) id: string): Promise<ImportSourceDto> {
    return this.imports.source(id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The draft ledger with unresolved department names and suggestions' })
  @ApiOkResponse({ type: ImportSummaryDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ImportSummaryDto> {
    return this.imports.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Edit the draft: titles, deadlines, assignments, which items are tasks, name → department',
  })
  @ApiOkResponse({ type: ImportSummaryDto })
  @ApiConflictResponse({ description: 'Stale rowVersion, or the import is no longer a draft' })
  edit(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditImportDto,
  ): Promise<ImportSummaryDto> {
    return this.imports.edit(actor, id, body);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Commit the reviewed draft: creates the plan, tasks, assignments and TaskAssigned events',
  })
  @ApiOkResponse({ type: ImportSummaryDto })
  @ApiUnprocessableEntityResponse({ description: 'Names not yet mapped to departments' })
  commit(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommitImportDto,
  ): Promise<ImportSummaryDto> {
    return this.imports.commit(actor, id, body.rowVersion);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a draft' })
  discard(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.imports.discard(actor, id);
  }
}
