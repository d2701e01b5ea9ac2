import { graphql, tokenFor, type GraphQLErrorBody } from './harness/single-window.client';

interface CatalogueAnswer {
  dataCatalogue: {
    totalCount: number;
    items: Array<{
      coordinate: string;
      typeName: string;
      fieldName: string;
      department: string;
      category: string;
      shareClass: string;
      personalInformation: boolean;
      updateFrequency: string;
      legalBasis: string;
      description: string;
    }>;
  } | null;
}

const CATALOGUE = `query Catalogue($department: String, $shareClass: ShareClass, $category: String, $search: String) {
  dataCatalogue(department: $department, shareClass: $shareClass, category: $category, search: $search) {
    totalCount
    items {
      coordinate typeName fieldName department category shareClass personalInformation updateFrequency legalBasis
      description
    }
  }
}`;

function codeOf(errors: GraphQLErrorBody[] | undefined): string | undefined {
  return errors?.[0]?.extensions?.code;
}

describe('the data resource catalogue (数据资源目录) through the gateway', () => {
  it("shows a partner's administrator the credit department's conditional items", async () => {
    const token = await tokenFor('ndrc-partner-admin');
    const result = await graphql<CatalogueAnswer>(
      CATALOGUE,
      { department: 'credit', shareClass: 'CONDITIONAL' },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const catalogue = result.data!.dataCatalogue!;
    expect(catalogue.totalCount).toBe(catalogue.items.length);
    expect(catalogue.items.every((item) => item.department === 'credit' && item.shareClass === 'CONDITIONAL')).toBe(
      true,
    );
    expect(catalogue.items.find((item) => item.coordinate === 'CreditListEntry.criterion')).toMatchObject({
      typeName: 'CreditListEntry',
      fieldName: 'criterion',
      category: 'credit',
      personalInformation: false,
    });
    expect(catalogue.items.find((item) => item.coordinate === 'CreditListEntry.criterion')?.legalBasis).toContain(
      '《社会信用体系建设规划纲要',
    );
  });

  it('shows personal information as not shared, with its flag', async () => {
    const token = await tokenFor('ndrc-partner-admin');
    const result = await graphql<CatalogueAnswer>(
      CATALOGUE,
      { department: 'licensing', search: 'Enterprise.' },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const byCoordinate = new Map(result.data!.dataCatalogue!.items.map((item) => [item.coordinate, item]));
    expect(byCoordinate.get('Enterprise.name')).toMatchObject({ shareClass: 'UNCONDITIONAL', category: 'registry' });
    expect(byCoordinate.get('Enterprise.legalRepresentative')).toMatchObject({
      shareClass: 'NOT_SHARED',
      personalInformation: true,
    });
  });

  it('refuses an unknown department as bad input', async () => {
    const token = await tokenFor('ministry-credit-approver');
    const result = await graphql<CatalogueAnswer>(CATALOGUE, { department: 'finance' }, { token });
    expect(codeOf(result.errors)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('department');
  });

  it('refuses an officer without CATALOGUE_READ', async () => {
    const token = await tokenFor('js-licensing-officer');
    const result = await graphql<CatalogueAnswer>(CATALOGUE, { department: 'licensing' }, { token });
    expect(codeOf(result.errors)).toBe('FORBIDDEN');
    expect(result.data?.dataCatalogue ?? null).toBeNull();
  });
});
