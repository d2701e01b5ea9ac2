import { Directive, Field, ObjectType } from 'type-graphql';

// The federation entities every subgraph shares. Licensing owns the registry fields; each other
// subgraph calls these factories once for a class of its own (type-graphql keys field resolvers by
// class, so each subgraph's fields stay in its own schema) and adds fields with `@FieldResolver`.

/** `Enterprise @key(fields: "creditCode")` as a contributing subgraph declares it. */
export function enterpriseEntity(description: string) {
  @Directive('@key(fields: "creditCode")')
  @ObjectType('Enterprise', { description })
  class Enterprise {
    @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015.' })
    creditCode: string;
  }
  return Enterprise;
}

/** `Vehicle @key(fields: "plateNumber")` as a contributing subgraph declares it. */
export function vehicleEntity(description: string) {
  @Directive('@key(fields: "plateNumber")')
  @ObjectType('Vehicle', { description })
  class Vehicle {
    @Field({ description: 'Plate number (号牌号码), GA 36 ordinary or new-energy form.' })
    plateNumber: string;
  }
  return Vehicle;
}
