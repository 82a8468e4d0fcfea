import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { CatalogueController } from './api/catalogue.controller';
import { TenantCalendars } from './calendar/application/tenant-calendars';
import { ManageCalendarHandler } from './calendar/application/manage-calendar/manage-calendar.handler';
import { CalendarEventsPublisher } from './calendar/events/calendar-events.publisher';
import { CalendarOverrideEntity, CalendarSettingsEntity } from './calendar/persistence/calendar.entity';
import { CalendarRepository } from './calendar/persistence/calendar.repository';
import { CatalogueConfig } from './config/catalogue.config';
import { ImportCatalogueHandler } from './import/application/import-catalogue/import-catalogue.handler';
import { AmendProcedureHandler } from './procedure/application/amend-procedure/amend-procedure.handler';
import { AssessFeesHandler } from './procedure/application/assess-fees/assess-fees.handler';
import { ComputeAppointmentHandler } from './procedure/application/compute-appointment/compute-appointment.handler';
import { CreateProcedureHandler } from './procedure/application/create-procedure/create-procedure.handler';
import { GetProcedureHandler } from './procedure/application/get-procedure/get-procedure.handler';
import { ProcedureReader } from './procedure/application/procedure-selector';
import { ResolveCompetentAgencyHandler } from './procedure/application/resolve-competent-agency/resolve-competent-agency.handler';
import { WithdrawProcedureHandler } from './procedure/application/withdraw-procedure/withdraw-procedure.handler';
import { ProcedureEventsPublisher } from './procedure/events/procedure-events.publisher';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure/persistence/procedure.entity';
import { ProcedureRepository } from './procedure/persistence/procedure.repository';
import { SearchProceduresHandler } from './search/application/search-procedures.handler';
import { ProcedureSearchRepository } from './search/persistence/procedure-search.repository';
import { CanDeskReceiveHandler } from './structure/application/can-desk-receive/can-desk-receive.handler';
import { ManageStructureHandler } from './structure/application/manage-structure/manage-structure.handler';
import { StructureEventsPublisher } from './structure/events/structure-events.publisher';
import { AdministrativeUnitEntity, AgencyEntity, DeskEntity } from './structure/persistence/structure.entity';
import { StructureRepository } from './structure/persistence/structure.repository';

export const CATALOGUE_ENTITIES = [
  ProcedureEntity,
  ProcedureVersionEntity,
  AdministrativeUnitEntity,
  AgencyEntity,
  DeskEntity,
  CalendarSettingsEntity,
  CalendarOverrideEntity,
];

@Module({})
export class CatalogueModule {
  static forConfig(config: CatalogueConfig): DynamicModule {
    return {
      module: CatalogueModule,
      imports: dataServiceImports('catalogue', config, CATALOGUE_ENTITIES),
      controllers: [CatalogueController],
      providers: [
        ProcedureRepository,
        StructureRepository,
        CalendarRepository,
        ProcedureEventsPublisher,
        StructureEventsPublisher,
        CalendarEventsPublisher,
        ProcedureReader,
        TenantCalendars,
        CreateProcedureHandler,
        GetProcedureHandler,
        AmendProcedureHandler,
        WithdrawProcedureHandler,
        AssessFeesHandler,
        ComputeAppointmentHandler,
        ResolveCompetentAgencyHandler,
        CanDeskReceiveHandler,
        ManageStructureHandler,
        ManageCalendarHandler,
        ProcedureSearchRepository,
        ImportCatalogueHandler,
        SearchProceduresHandler,
      ],
    };
  }
}
