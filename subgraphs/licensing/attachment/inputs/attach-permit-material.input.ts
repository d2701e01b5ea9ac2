import { Field, InputType, ObjectType } from 'type-graphql';
import { PermitApplication } from '../../permit/permit-application.entity';
import { PermitMaterial } from '../permit-material.entity';

@InputType({
  description:
    'A material (申请材料) attached to an application before acceptance or while it is returned for correction.',
})
export class AttachPermitMaterialInput {
  @Field({ description: 'Application number.' })
  applicationNumber: string;

  @Field({
    description: "Which required material this is: a code from the kind's required materials (see permitKinds).",
  })
  materialCode: string;

  @Field({ description: 'File name (1-200 characters, no path).' })
  fileName: string;

  @Field({ description: 'The file, base64-encoded; at most 5 MiB once decoded.' })
  contentBase64: string;
}

@ObjectType({ description: 'A material after it was attached.' })
export class AttachPermitMaterialPayload {
  @Field(() => PermitMaterial, { description: 'The stored material with its SM3 digest.' })
  material: PermitMaterial;

  @Field(() => PermitApplication, { description: 'The application it belongs to.' })
  application: PermitApplication;
}
