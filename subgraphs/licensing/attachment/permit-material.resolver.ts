import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { actingAs, applicationMaterialsLoader, scopeOf, type LicensingContext } from '../licensing.context';
import { PermitApplication } from '../permit/permit-application.entity';
import { AttachPermitMaterialInput, AttachPermitMaterialPayload } from './inputs/attach-permit-material.input';
import { PermitMaterial } from './permit-material.entity';

@Resolver(() => PermitApplication)
export class PermitMaterialResolver {
  @Authorized(Permission.PERMIT_APPLY)
  @Mutation(() => AttachPermitMaterialPayload, {
    description:
      'Attaches a material to an application (before acceptance, or while it is returned for correction); stored with its SM3 digest.',
  })
  async attachPermitMaterial(
    @Arg('input', { description: 'The application, the material code and the file.' }) input: AttachPermitMaterialInput,
    @Ctx() context: LicensingContext,
  ): Promise<AttachPermitMaterialPayload> {
    return context.services.materials.attach(scopeOf(context), input, actingAs(context));
  }

  // Licensing staff only: materials carry identity documents and qualifications, which partners and
  // other departments do not need to read in full.
  @Authorized(Permission.PERMIT_APPLY, Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE)
  @Query(() => String, {
    nullable: true,
    description:
      'The content of an attached material, base64, after checking it against its recorded SM3 digest (CONFLICT with reason DIGEST_MISMATCH naming the material when it was altered); null when there is none the caller may see.',
  })
  async permitMaterialContent(
    @Arg('id', () => ID, { description: 'The material identifier.' }) id: string,
    @Ctx() context: LicensingContext,
  ): Promise<string | null> {
    return context.services.materials.content(scopeOf(context), id);
  }

  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => [PermitMaterial], {
    description: 'Materials attached to the application, oldest first, each with its SM3 digest.',
  })
  async materials(@Root() application: PermitApplication, @Ctx() context: LicensingContext): Promise<PermitMaterial[]> {
    return applicationMaterialsLoader(context).load(application.id);
  }
}
