using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Ignore(o => o.OrganisationId);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organisation.SlugMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FullName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
        builder.Property(p => p.JobTitle).HasMaxLength(Person.JobTitleMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OrganisationId, p.FullName });
    }
}
