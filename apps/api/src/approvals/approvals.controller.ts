import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { OFFICE_ROLES, Roles } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { ApprovalsDto, ApprovalsQueryDto } from './approvals.dto';
import { pendingApprovals, pendingCounts } from './approvals.query';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...OFFICE_ROLES)
  @ApiOperation({
    summary:
      "待审批: the office's queue of declared completions and extension requests, oldest first",
  })
  @ApiOkResponse({ type: ApprovalsDto })
  async list(@Query() query: ApprovalsQueryDto): Promise<ApprovalsDto> {
    const asOf = this.clock.today();
    const [items, counts] = await Promise.all([
      pendingApprovals(this.dataSource, asOf, query.kind, query.limit ?? 100),
      pendingCounts(this.dataSource),
    ]);
    return { asOf, counts, items };
  }
}
