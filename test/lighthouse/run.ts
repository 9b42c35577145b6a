// npm run lighthouse [-- options]: Lighthouse scores of the sample archive's
// home, meeting, person, initiative and search pages (audit.ts), as a table;
// exits with status 1 when any score is below 100.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { allPerfect, auditSample, formatReport, FORM_FACTORS, THROTTLING, type FormFactor, type Throttling } from "./audit.ts";

const HELP = `Usage: npm run lighthouse -- [options]
       node --import tsx test/lighthouse/run.ts [options]

Builds the notes folder (with --url set to a server on 127.0.0.1), serves it,
and runs Lighthouse (performance, accessibility, best practices, SEO) in
headless chromium on the home page, the largest meeting, person and
initiative pages, and the search page. Prints the scores, and what cost
points where a score is below 100. Exit status: 0 when every score is 100,
1 when one is not, 2 for a usage error.

Options:
  --form-factor F   mobile, desktop or both (default both; mobile is
                    Lighthouse's default: an emulated phone on slow 4G)
  --throttling T    simulate (default, as Lighthouse), devtools or provided
                    (no throttling at all)
  --retries N       further runs of a page whose performance is below 100;
                    the best run counts (default 2). Up to 2 runs whose
                    first paint headless chromium held back (more than
                    500 ms after the load event, GoogleChrome/lighthouse#17148)
                    are run again without using up a retry
  --reports DIR     write each page's Lighthouse report there, as
                    <page>.<form factor>.report.json and .report.html
  --notes DIR       the notes folder (default notes/, the sample archive)
  --chrome PATH     the browser (default $CHROME_PATH, else /usr/bin/chromium)
  --quiet           only the table
  -h, --help        this text
`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        "form-factor": { type: "string", default: "both" },
        throttling: { type: "string", default: "simulate" },
        retries: { type: "string", default: "2" },
        reports: { type: "string" },
        notes: { type: "string" },
        chrome: { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const ff = values["form-factor"];
  const formFactors: FormFactor[] | null = ff === "both" ? [...FORM_FACTORS] : (FORM_FACTORS as readonly string[]).includes(ff) ? [ff as FormFactor] : null;
  const throttling = (THROTTLING as readonly string[]).includes(values.throttling) ? (values.throttling as Throttling) : null;
  const retries = Number(values.retries);
  if (!formFactors || !throttling || !Number.isInteger(retries) || retries < 0) {
    console.error(`Bad option value.\n\n${HELP}`);
    return 2;
  }
  const report = await auditSample({
    formFactors,
    throttling,
    retries,
    ...(values.reports ? { reportDir: resolve(values.reports) } : {}),
    ...(values.notes ? { notes: resolve(values.notes) } : {}),
    ...(values.chrome ? { chromePath: values.chrome } : {}),
    ...(values.quiet ? {} : { log: (line: string) => console.error(line) }),
  });
  console.log(formatReport(report));
  if (values.reports) console.log(`Reports in ${resolve(values.reports)}`);
  return allPerfect(report) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
