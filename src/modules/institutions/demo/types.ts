/**
 * The shapes the demo generator produces: one object per row of the register's tables, keyed by
 * column name as the database spells it, so the repo can write them in bulk without mapping.
 */

/** A region of Hebei with its demo population. */
export interface HebeiPlace {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  residents: number;
  childrenUnder3: number;
  aged60Plus: number;
}

export type Cell = string | number | boolean | null | Record<string, unknown> | readonly unknown[];
export type Row = Record<string, Cell>;

/** Everything the demo writes, table by table. */
export interface SeedRows {
  institutions: Row[];
  institution_functions: Row[];
  classes: Row[];
  staff: Row[];
  staff_certificates: Row[];
  filings: Row[];
  filing_events: Row[];
}

export function emptySeed(): SeedRows {
  return {
    institutions: [],
    institution_functions: [],
    classes: [],
    staff: [],
    staff_certificates: [],
    filings: [],
    filing_events: [],
  };
}

/** Where an institution sits: a community of a township of a county, with names for labels. */
export interface Site {
  cityCode: string;
  cityName: string;
  countyCode: string;
  countyName: string;
  townshipCode: string;
  townshipName: string;
  communityCode: string;
  communityName: string;
}
