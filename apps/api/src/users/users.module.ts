import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OwnAccountController } from './own-account.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, OwnAccountController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
