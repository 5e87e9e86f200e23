import { describe, expect, it } from 'vitest';
import { detectDateFormat } from '../../src/init/dateFormats.ts';
import { chooseEntitySource, referencingColumn } from '../../src/init/detectKeys.ts';
import { labelFromName, toIdentifier, toSlug } from '../../src/init/identifiers.ts';
import { inferColumn } from '../../src/init/inferColumn.ts';
import { profileCsv } from '../../src/init/profileTable.ts';
import { parseCsv } from '../../src/init/readCsv.ts';

describe('inferColumn', () => {
  it('reads whole numbers as integers and decimals as numbers', () => {
    expect(inferColumn('age', ['63', '-4', '+12', '0']).type).toBe('integer');
    expect(inferColumn('bili', ['1.5', '2', '.3', '1e-3']).type).toBe('number');
    expect(inferColumn('x', ['1', '2', '3']).min).toBe(1);
  });

  it('treats NA, empty, "." and NULL as missing and reports the tokens', () => {
    const column = inferColumn('wt.loss', ['5', 'NA', '', '.', 'NULL', '7']);
    expect(column.type).toBe('integer');
    expect(column.missing).toBe(4);
    expect(column.nullTokens.sort()).toEqual(['', '.', 'NA', 'NULL']);
  });

  it('recognises dates in ISO, day-first, month-first, SAS and date-time forms', () => {
    expect(inferColumn('visit', ['2014-01-02', '2014-12-31'])).toMatchObject({ type: 'date' });
    expect(inferColumn('visit', ['2014-01-02', '2014-12-31']).format).toBeUndefined();
    expect(inferColumn('d', ['25/12/2014', '01/02/2015']).format).toBe('%d/%m/%Y');
    expect(inferColumn('d', ['12/25/2014', '01/02/2015']).format).toBe('%m/%d/%Y');
    expect(inferColumn('d', ['02JAN2014', '31DEC2015']).format).toBe('%d%b%Y');
    expect(inferColumn('d', ['2014-07-02T11:45', '2014-07-03T08:00']).format).toBe('%Y-%m-%dT%H:%M');
    expect(inferColumn('d', ['2014-07-02 11:45:00']).format).toBeUndefined();
    expect(inferColumn('d', ['03.04.2015', '13.04.2015']).format).toBe('%d.%m.%Y');
  });

  it('marks day/month order as ambiguous when every part is at most 12', () => {
    const column = inferColumn('d', ['01/02/2015', '03/04/2015']);
    expect(column).toMatchObject({ type: 'date', format: '%d/%m/%Y', ambiguousDate: true });
  });

  it('takes 8-digit numbers for dates only when the name says date', () => {
    expect(inferColumn('visit_date', ['20140102', '20151231']).format).toBe('%Y%m%d');
    expect(inferColumn('count', ['20140102', '20151231']).type).toBe('integer');
    expect(detectDateFormat(['2014-13-01'])).toBeUndefined();
  });

  it('reads yes/no, y/n, true/false and 0/1 as booleans', () => {
    expect(inferColumn('smoker', ['Yes', 'No', 'yes']).type).toBe('boolean');
    expect(inferColumn('saffl', ['Y', 'N', 'NA']).type).toBe('boolean');
    expect(inferColumn('flag', ['TRUE', 'false']).type).toBe('boolean');
    expect(inferColumn('status', ['0', '1', '1'])).toMatchObject({ type: 'boolean', zeroOne: true });
  });

  it('makes categories of few recurring values and text of the rest', () => {
    const repeated = Array.from(
      { length: 40 },
      (_, index) => ['adeno', 'large', 'squamous'][index % 3] ?? '',
    );
    expect(inferColumn('celltype', repeated)).toMatchObject({
      type: 'category',
      levels: ['adeno', 'large', 'squamous'],
    });
    const names = Array.from({ length: 40 }, (_, index) => `patient ${index}`);
    expect(inferColumn('name', names).type).toBe('text');
    expect(inferColumn('code', ['007', '010', '007']).type).toBe('category');
  });

  it('finds keys: unique and never missing', () => {
    expect(inferColumn('id', ['1', '2', '3']).unique).toBe(true);
    expect(inferColumn('id', ['1', '2', '2']).unique).toBe(false);
    expect(inferColumn('id', ['1', '', '3']).unique).toBe(false);
  });
});

describe('keys across files', () => {
  const table = (name: string, text: string) => {
    const [header = [], ...rows] = parseCsv(text, ',');
    return profileCsv({ path: `${name}.csv`, delimiter: ',', header, rows }, name);
  };

  it('chooses the file whose id the others refer to, and finds the referencing column', () => {
    const labs = table('labs', 'subject_id,day,test,value\nA,1,hb,12\nA,8,hb,11\nB,1,hb,13\n');
    const subjects = table('subjects', 'subject_id,age,sex\nA,63,F\nB,70,M\nC,55,F\n');
    const choice = chooseEntitySource([labs, subjects]);
    expect(choice.table.sourceId).toBe('subjects');
    expect(choice.key?.header).toBe('subject_id');
    expect(referencingColumn(labs, choice.key as never)?.header).toBe('subject_id');
  });

  it('numbers rows when no column is a unique id', () => {
    const choice = chooseEntitySource([table('lung', 'inst,time\n3,306\n3,455\n')]);
    expect(choice.key).toBeUndefined();
  });
});

describe('names', () => {
  it('turns headers into identifiers, slugs and labels', () => {
    expect(toIdentifier('ph.ecog')).toBe('ph_ecog');
    expect(toIdentifier('USUBJID')).toBe('usubjid');
    expect(toIdentifier('2nd dose')).toBe('c_2nd_dose');
    expect(toSlug('My Product')).toBe('my-product');
    expect(labelFromName('karno')).toBe('Karno');
    expect(labelFromName('wt.loss')).toBe('Wt loss');
  });

  it('parses quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n', ',')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', '2'],
    ]);
  });
});
