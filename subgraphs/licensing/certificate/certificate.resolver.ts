import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { scopeOf, type LicensingContext } from '../licensing.context';
import { Permit } from '../permit/permit.entity';
import { CertificateSigningKey, CertificateVerification } from './certificate-verification';
import { PermitCertificate } from './permit-certificate.entity';

// Public: anyone holding an identifier may verify it (like scanning the QR code), without signing in.
// Nothing here lists certificates; the identifiers cannot be guessed.
@Resolver()
export class CertificateResolver {
  @Authorized(Permission.PUBLIC_VERIFY)
  @Query(() => CertificateVerification, {
    description:
      'Verifies an electronic certificate (电子证照核验) by its identifier: its signature, then its permit in the register. Open to the public without signing in; rate limited per address and audited.',
  })
  async verifyCertificate(
    @Arg('id', {
      description: 'Certificate identifier as printed or in the QR code, e.g. ZZ-320000-2026-7K3M9QX2HD4PNB8R.',
    })
    id: string,
    @Ctx() context: LicensingContext,
  ): Promise<CertificateVerification> {
    return context.services.certificates.verify(id);
  }

  @Authorized(Permission.PUBLIC_VERIFY)
  @Query(() => [CertificateSigningKey], {
    description:
      'The public keys certificates are signed with, per issuing authority, for verifying offline. Open to the public.',
  })
  certificateSigningKeys(@Ctx() context: LicensingContext): CertificateSigningKey[] {
    return context.services.certificates.signingKeys();
  }
}

@Resolver(() => Permit)
export class PermitCertificateResolver {
  @Authorized(Permission.PERMIT_READ)
  @FieldResolver(() => PermitCertificate, {
    nullable: true,
    description: 'The electronic certificate (电子证照) issued with the permit.',
  })
  async certificate(@Root() permit: Permit, @Ctx() context: LicensingContext): Promise<PermitCertificate | null> {
    return context.loaders
      .get('permit-certificate', () => context.services.certificates.createPermitLoader(scopeOf(context)))
      .load(permit.number);
  }
}
