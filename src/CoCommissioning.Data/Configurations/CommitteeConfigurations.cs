using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

internal sealed class MemberRoleConfiguration : IEntityTypeConfiguration<MemberRole>
{
    public void Configure(EntityTypeBuilder<MemberRole> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(MemberRole.NameMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganisationId, r.Name }).IsUnique();
    }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Committee.NameMaxLength);
        builder.Property(c => c.Purpose).HasMaxLength(Committee.PurposeMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganisationId, c.Name }).IsUnique();
        builder.HasMany(c => c.Memberships).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Memberships).HasField("memberships").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.TermsOfReferenceVersions).WithOne().HasForeignKey(t => t.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.TermsOfReferenceVersions).HasField("termsOfReference").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.PrimitiveCollection(m => m.RoleIds).HasField("roleIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.DeputyPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // One chair and one vice chair per committee, whatever the application does.
        builder.HasIndex(m => new { m.CommitteeId, m.Office }).IsUnique().HasFilter("\"Office\" <> 'None'");
    }
}
