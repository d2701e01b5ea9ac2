import { parse, print } from 'graphql';
import { catalogue, spreadCatalogue, type CatalogueEntry } from './catalogue-directive';

const SHARED: CatalogueEntry = {
  category: 'registry',
  shareClass: 'UNCONDITIONAL',
  updateFrequency: 'DAILY',
  legalBasis: 'a',
};
const PERSONAL: CatalogueEntry = { ...SHARED, shareClass: 'NOT_SHARED', personalInformation: true };

function fieldLine(sdl: string, fieldName: string): string {
  return sdl.split('\n').find((line) => line.trim().startsWith(`${fieldName}:`)) ?? '';
}

describe('spreadCatalogue', () => {
  it("puts the type's entry on each field, keeps a field's own entry and leaves none on the type", () => {
    const sdl = print(
      spreadCatalogue(
        parse(`type Enterprise ${catalogue(SHARED)} { name: String phone: String ${catalogue(PERSONAL)} }`),
      ),
    );
    expect(fieldLine(sdl, 'name')).toContain('shareClass: UNCONDITIONAL');
    expect(fieldLine(sdl, 'phone')).toContain(
      'shareClass: NOT_SHARED, updateFrequency: "DAILY", legalBasis: "a", personalInformation: true',
    );
    expect(sdl.split('\n')[0]).toBe('type Enterprise {');
  });

  it('applies rules: a default per type and the fields that differ', () => {
    const sdl = print(
      spreadCatalogue(parse('type Enterprise { name: String phone: String } type Other { x: Int }'), {
        Enterprise: { entry: SHARED, fields: { phone: PERSONAL } },
      }),
    );
    expect(fieldLine(sdl, 'name')).toContain('@catalogue(category: "registry", shareClass: UNCONDITIONAL');
    expect(fieldLine(sdl, 'phone')).toContain('personalInformation: true');
    expect(fieldLine(sdl, 'x')).not.toContain('@catalogue');
  });

  it('fails on a rule naming no type or field, so a rule cannot outlive its field', () => {
    const document = parse('type Enterprise { name: String }');
    expect(() => spreadCatalogue(document, { Enterprise: { entry: SHARED, fields: { fax: PERSONAL } } })).toThrow(
      /Enterprise\.fax/,
    );
    expect(() => spreadCatalogue(document, { Company: { entry: SHARED } })).toThrow(/Company/);
  });
});
