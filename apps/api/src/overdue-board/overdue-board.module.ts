import { Module } from '@nestjs/common';
import { OverdueBoardController } from './overdue-board.controller';
import { OverdueBoardService } from './overdue-board.service';

@Module({
  controllers: [OverdueBoardController],
  providers: [OverdueBoardService],
  exports: [OverdueBoardService],
})
export class OverdueBoardModule {}
