import { Global, Module } from '@nestjs/common';
import { loadWorkingDayCalendar, WorkingDayCalendar } from '@duban/calendar';
import { Clock } from './clock';

/** Services every feature of the API shares: the clock and the PRC working-day calendar. */
@Global()
@Module({
  providers: [
    Clock,
    {
      provide: WorkingDayCalendar,
      useFactory: () => loadWorkingDayCalendar(),
    },
  ],
  exports: [Clock, WorkingDayCalendar],
})
export class CommonModule {}
