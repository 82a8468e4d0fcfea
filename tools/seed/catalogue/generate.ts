/**
 * Writes a synthetic, province-sized catalogue (motcua.catalogue/v1) to standard output, for
 * load tests and benchmarks. Deterministic: the same seed gives the same file.
 *
 *   npm run -s seed:catalogue:generate -- --procedures 1700 --seed 1 > tmp/catalogue.json
 *   node -r @swc-node/register tools/seed/catalogue/generate.ts --procedures 1700 --seed 1 --pretty > file.json
 *
 * The file is validated before it is written; an invalid one (a generator bug) exits 1.
 */
import { validateCatalogueFile } from '../../../apps/catalogue/src/import/domain/validate-catalogue-file';
import { generateCatalogue, GenerateOptions } from './catalogue-generator';

interface Arguments extends GenerateOptions {
  pretty: boolean;
}

class UsageError extends Error {}

const USAGE = 'usage: generate.ts [--procedures N] [--seed S] [--tenant slug] [--pretty]';

export function parseArguments(argv: readonly string[]): Arguments {
  const options: Arguments = { pretty: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--procedures': {
        const text = value();
        const procedures = Number(text);
        if (!Number.isInteger(procedures) || procedures < 1) throw new UsageError(`--procedures: a positive whole number, not ${text}`);
        options.procedures = procedures;
        break;
      }
      case '--seed':
        options.seed = value();
        break;
      case '--tenant':
        options.tenant = value();
        break;
      case '--pretty':
        options.pretty = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown argument ${flag}\n${USAGE}`);
    }
  }
  return options;
}

function main(): number {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const catalogue = generateCatalogue(args);
  const result = validateCatalogueFile({ json: catalogue }, { tenantId: catalogue.tenant });
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${error.location}: ${error.message}\n`);
    process.stderr.write('the generated catalogue is invalid (a generator bug)\n');
    return 1;
  }
  process.stdout.write(`${JSON.stringify(catalogue, null, args.pretty ? 2 : undefined)}\n`);
  const levels = { province: 0, district: 0, commune: 0 };
  for (const procedure of result.catalogue.procedures) levels[procedure.level] += 1;
  process.stderr.write(
    `${result.catalogue.procedures.length} procedures (${levels.province} province, ${levels.district} district, ${levels.commune} commune), ` +
      `${result.catalogue.agencies.length} agencies, ${result.catalogue.units.length} units, ${result.catalogue.desks.length} desks\n`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main();
