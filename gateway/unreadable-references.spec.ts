import { GraphQLError } from 'graphql';
import { noteUnresolvedEntities, withoutUnreadableReferenceErrors } from './unreadable-references';

const REPRESENTATIONS = [
  { __typename: 'Enterprise', creditCode: '91320583MA1NQ2W40E' },
  { __typename: 'Vehicle', plateNumber: '苏E88888' },
];

function nullFor(field: string, path: Array<string | number>): GraphQLError {
  return new GraphQLError(`Cannot return null for non-nullable field ${field}.`, {
    path,
    extensions: { code: 'INVALID_GRAPHQL' },
  });
}

describe('references the caller may not read', () => {
  const data = {
    overloadRecords: { edges: [{ node: { stationCode: '3201150001', enterprise: null, vehicle: null } }] },
  };
  const enterpriseError = nullFor('Enterprise.name', ['overloadRecords', 'edges', 0, 'node', 'enterprise', 'name']);
  const vehicleError = nullFor('Vehicle.vehicleType', [
    'overloadRecords',
    'edges',
    0,
    'node',
    'vehicle',
    'vehicleType',
  ]);

  it('come back as a clean null when the owner answered null without an error', () => {
    const context = {};
    noteUnresolvedEntities(
      context,
      { variables: { representations: REPRESENTATIONS } },
      { data: { _entities: [null, null] } },
    );
    // @apollo/gateway reports what it nulled in extensions.valueCompletion when no subgraph failed.
    const reported = { data, extensions: { valueCompletion: [enterpriseError, vehicleError], other: 1 } };
    expect(withoutUnreadableReferenceErrors(reported, context)).toEqual({ data, extensions: { other: 1 } });
    expect(withoutUnreadableReferenceErrors({ data, errors: [enterpriseError, vehicleError] }, context)).toEqual({
      data,
    });
  });

  it('keep the report when the owner failed on that entity, or answered for it', () => {
    const context = {};
    noteUnresolvedEntities(
      context,
      { variables: { representations: REPRESENTATIONS } },
      {
        data: { _entities: [null, { plateNumber: '苏E88888' }] },
        errors: [{ message: 'boom', path: ['_entities', 0], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      },
    );
    const result = withoutUnreadableReferenceErrors(
      { data, extensions: { valueCompletion: [enterpriseError, vehicleError] } },
      context,
    );
    expect(result.extensions).toEqual({ valueCompletion: [enterpriseError, vehicleError] });
  });

  it('keep the report when the null went further than the referencing field (a non-null field)', () => {
    const context = {};
    noteUnresolvedEntities(
      context,
      { variables: { representations: REPRESENTATIONS } },
      { data: { _entities: [null, null] } },
    );
    const bubbled = { overloadRecords: { edges: [null] } };
    expect(withoutUnreadableReferenceErrors({ data: bubbled, errors: [enterpriseError] }, context).errors).toEqual([
      enterpriseError,
    ]);
  });

  it('leave every other error alone', () => {
    const context = {};
    noteUnresolvedEntities(
      context,
      { variables: { representations: REPRESENTATIONS } },
      { data: { _entities: [null, null] } },
    );
    const forbidden = new GraphQLError('no', { path: ['overloadRecords'], extensions: { code: 'FORBIDDEN' } });
    expect(withoutUnreadableReferenceErrors({ data, errors: [forbidden] }, context).errors).toEqual([forbidden]);
    expect(withoutUnreadableReferenceErrors({ data, errors: [enterpriseError] }, {}).errors).toEqual([enterpriseError]);
  });
});
