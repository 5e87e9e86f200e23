/** Help of `plexus init`, kept apart from the generators so that --help loads nothing else. */
export const INIT_SOURCES = ['csv', 'cdisc', 'omop'] as const;
export type InitSource = (typeof INIT_SOURCES)[number];

export const INIT_HELP = `
What init infers:
  csv    per column: integer, number, boolean, date (ISO, day-first, month-first, SAS; the format is
         written to the mapping), category (few distinct values), else text; NA, empty, "." and NULL
         are missing. The file with a unique id column (id, *_id, usubjid, person_id) is the entity
         source; other files are joined (one row per entity) or become events (several rows and a
         time column). Pairs such as time/status or os_time/os_event become endpoints.
  cdisc  an SDTM/ADaM folder of CSV files: ADSL (else DM) as the entity with USUBJID, arm, age,
         sex, race, ethnicity and flags; ADAE/AE as adverse_events and EX as exposure events;
         ADTTE parameters as endpoints (CNSR = 0 is the event). ADaM dates are SAS day numbers.
  omop   an OMOP CDM 5.4 folder of CSV files: person as the entity; condition, drug, measurement,
         procedure, visit and observation events named from the concept table; death as an
         endpoint from the start of the observation period.

Every guess that needs a person's eye is marked CHECK in mapping.yaml and listed at the end.

Examples:
  $ plexus init products/lung --from csv data/lung.csv
  $ plexus init products/trial --from csv subjects.csv visits.csv labs.csv --title "Phase II trial"
  $ plexus init products/pilot --from cdisc exports/cdiscpilot01
  $ plexus init products/ehr --from omop exports/omop --id ehr-cohort
  $ plexus init products/lung --from csv data/lung.csv --force     regenerate over an earlier init

Then: plexus validate <dir>, plexus build <dir>, plexus serve <dir>.
Exit codes: 0 written, 1 unreadable or unusable input, 2 wrong usage, 75 the folder is not empty.`;
