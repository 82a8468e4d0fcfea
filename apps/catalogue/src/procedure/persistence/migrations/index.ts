import { CreateCatalogue } from './1764115200000-create-catalogue.migration';
import { CatalogueImportSearch } from './1764460800000-catalogue-import-search.migration';
import { ProcedureOnTheSpot } from './1764979200000-procedure-on-the-spot.migration';

export const catalogueMigrations = [CreateCatalogue, CatalogueImportSearch, ProcedureOnTheSpot];
