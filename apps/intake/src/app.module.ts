import { DynamicModule, Module } from '@nestjs/common';
import { grpcMessageLimitFor } from '@motcua/rpc';
import { dataServiceImports } from '@motcua/platform';
import { IntakeConfig } from './config/intake.config';
import { GrpcProcedureCatalogue } from './dossier/adapters/procedure-catalogue.grpc';
import { IntakeController } from './dossier/api/intake.controller';
import { Clock } from './dossier/application/clock';
import { ApplicantActionsHandler } from './dossier/application/applicant-actions/applicant-actions.handler';
import { CheckDossierHandler } from './dossier/application/check-dossier/check-dossier.handler';
import { GetDossierHandler } from './dossier/application/get-dossier/get-dossier.handler';
import { ListPendingChecksHandler } from './dossier/application/list-pending-checks/list-pending-checks.handler';
import { TrackDossierHandler } from './dossier/application/track-dossier/track-dossier.handler';
import { FollowProcessingHandler } from './dossier/application/follow-processing/follow-processing.handler';
import { ProcedureCatalogue } from './dossier/application/procedure-catalogue.port';
import { PSEUDONYM_KEY, SubmitDossierHandler } from './dossier/application/submit-dossier/submit-dossier.handler';
import { DossierEventsConsumer } from './dossier/events/dossier-events.consumer';
import {
  ApplicantEntity,
  DossierActionEntity,
  DossierCodeCounterEntity,
  DossierCodeFormatEntity,
  DossierEntity,
  SubmissionKeyEntity,
} from './dossier/persistence/dossier.entity';
import { DossierRepository } from './dossier/persistence/dossier.repository';
import { ListPersonalDataAccessHandler } from './dossier/application/list-personal-data-access/list-personal-data-access.handler';
import { PersonalDataAccessLog } from './dossier/application/personal-data-access/personal-data-access.log';
import { PersonalDataAccessEntity } from './dossier/persistence/personal-data-access.entity';
import { PersonalDataAccessRepository } from './dossier/persistence/personal-data-access.repository';
import { documentStorageFor } from './document/adapters/document-storage.factory';
import { GrpcProcessingResults } from './document/adapters/processing-results.grpc';
import { DocumentController } from './document/api/document.controller';
import { AddToWalletHandler } from './document/application/add-to-wallet/add-to-wallet.handler';
import { DocumentLimits } from './document/application/document-limits';
import { DocumentStorage } from './document/application/document-storage.port';
import { FileResultInWalletHandler } from './document/application/file-result/file-result-in-wallet.handler';
import { ProcessingResults } from './document/application/file-result/processing-results.port';
import { ResultFilingConsumer } from './document/events/result-filing.consumer';
import { ListWalletDocumentsHandler } from './document/application/list-wallet-documents/list-wallet-documents.handler';
import { RecordReuseHandler } from './document/application/record-reuse/record-reuse.handler';
import { UploadDocumentHandler } from './document/application/upload-document/upload-document.handler';
import { DocumentEntity, DocumentReuseEntity } from './document/persistence/document.entity';
import { DocumentRepository } from './document/persistence/document.repository';
import { GetReceiptHandler } from './receipt/get-receipt.handler';
import { ReceiptSource } from './receipt/receipt-source.port';
import { SqlReceiptSource } from './receipt/sql-receipt-source';

export const INTAKE_ENTITIES = [
  DossierEntity,
  ApplicantEntity,
  DossierActionEntity,
  DossierCodeCounterEntity,
  DossierCodeFormatEntity,
  SubmissionKeyEntity,
  DocumentEntity,
  DocumentReuseEntity,
  PersonalDataAccessEntity,
];

@Module({})
export class IntakeModule {
  static forConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: dataServiceImports('intake', config, INTAKE_ENTITIES),
      controllers: [IntakeController, DocumentController],
      providers: [
        DossierRepository,
        SubmitDossierHandler,
        Clock,
        GetDossierHandler,
        CheckDossierHandler,
        ApplicantActionsHandler,
        TrackDossierHandler,
        ListPendingChecksHandler,
        FollowProcessingHandler,
        PersonalDataAccessRepository, PersonalDataAccessLog, ListPersonalDataAccessHandler,
        DossierEventsConsumer,
        { provide: PSEUDONYM_KEY, useValue: config.PSEUDONYM_KEY },
        { provide: ProcedureCatalogue, useFactory: () => new GrpcProcedureCatalogue(config.CATALOGUE_GRPC_URL, config.CATALOGUE_DEADLINE_MS) },
        DocumentRepository,
        UploadDocumentHandler,
        ListWalletDocumentsHandler,
        AddToWalletHandler,
        RecordReuseHandler,
        FileResultInWalletHandler,
        ResultFilingConsumer,
        { provide: ProcessingResults, useFactory: () => new GrpcProcessingResults(config.PROCESSING_GRPC_URL, config.PROCESSING_DEADLINE_MS) },
        GetReceiptHandler,
        { provide: DocumentLimits, useValue: new DocumentLimits(config.DOCUMENT_MAX_BYTES, grpcMessageLimitFor(config.DOCUMENT_MAX_BYTES)) },
        { provide: DocumentStorage, useValue: documentStorageFor(config) },
        { provide: ReceiptSource, useClass: SqlReceiptSource },
      ],
    };
  }
}
