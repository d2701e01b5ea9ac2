import { encodeCursor, pageRequest, toConnection } from './cursor-page';

describe('Relay connections', () => {
  it('round-trips a cursor and refuses a forged one', () => {
    expect(pageRequest({ first: 5, after: encodeCursor(42) })).toEqual({ limit: 5, afterId: 42 });
    expect(() => pageRequest({ after: 'bm90LWEtY3Vyc29y' })).toThrow(/after is not a cursor/);
  });

  it('bounds the page size', () => {
    expect(pageRequest({})).toEqual({ limit: 20, afterId: null });
    expect(() => pageRequest({ first: 0 })).toThrow(/first must be between 1 and 100/);
    expect(() => pageRequest({ first: 101 })).toThrow(/first must be between 1 and 100/);
  });

  it('uses the extra row only to say another page exists', () => {
    const rows = [{ id: 9 }, { id: 8 }, { id: 7 }];
    const connection = toConnection(rows, 10, { limit: 2, afterId: null });
    expect(connection.edges.map((edge) => edge.node.id)).toEqual([9, 8]);
    expect(connection.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      endCursor: encodeCursor(8),
    });
    expect(connection.totalCount).toBe(10);
  });
});
