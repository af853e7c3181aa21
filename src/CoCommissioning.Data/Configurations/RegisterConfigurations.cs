using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

internal sealed class ExternalBodyConfiguration : IEntityTypeConfiguration<ExternalBody>
{
    public void Configure(EntityTypeBuilder<ExternalBody> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(ExternalBody.NameMaxLength);
        builder.Property(b => b.Code).HasMaxLength(ExternalBody.CodeMaxLength);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // One entry per body: adding "Riverside Surgery" twice would split its interests across two records.
        builder.HasIndex(b => new { b.OrganisationId, b.Kind, b.Name }).IsUnique();
    }
}

internal sealed class RegisterSettingsConfiguration : IEntityTypeConfiguration<RegisterSettings>
{
    public void Configure(EntityTypeBuilder<RegisterSettings> builder)
    {
        builder.Ignore(s => s.OrganisationId);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithOne().HasForeignKey<RegisterSettings>(s => s.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.GuardianPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(s => s.Thresholds, t =>
        {
            t.Property(x => x.BrandedItemLimit).HasPrecision(12, 2);
            t.Property(x => x.GiftDeclarationLimit).HasPrecision(12, 2);
            t.Property(x => x.HospitalityDeclarationFrom).HasPrecision(12, 2);
            t.Property(x => x.HospitalityApprovalAbove).HasPrecision(12, 2);
        });
    }
}

internal sealed class LocalRulesVersionConfiguration : IEntityTypeConfiguration<LocalRulesVersion>
{
    public void Configure(EntityTypeBuilder<LocalRulesVersion> builder)
    {
        builder.ToTable("LocalRules");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Ignore(v => v.Rules);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(v => v.Gifts, t =>
        {
            t.Property(x => x.BrandedItemLimit).HasPrecision(12, 2);
            t.Property(x => x.GiftDeclarationLimit).HasPrecision(12, 2);
            t.Property(x => x.HospitalityDeclarationFrom).HasPrecision(12, 2);
            t.Property(x => x.HospitalityApprovalAbove).HasPrecision(12, 2);
        });

        // One version per organisation per date: two saves of a new version for the same day cannot both win.
        builder.HasIndex(v => new { v.OrganisationId, v.EffectiveFrom }).IsUnique();
    }
}

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.ReviewComment).HasMaxLength(Declaration.TextMaxLength);
        builder.Property(d => d.AgreedMitigation).HasMaxLength(Declaration.TextMaxLength);
        builder.Property(d => d.WithheldReason).HasMaxLength(Declaration.TextMaxLength);
        builder.Property(d => d.ReviewedByName).HasMaxLength(200);
        builder.Ignore(d => d.Current);
        builder.Ignore(d => d.EndedOn);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(d => d.Details, InterestDetailsMapping.Configure);
        builder.ComplexProperty(d => d.PublishedDetails, InterestDetailsMapping.Configure);
        builder.Property(d => d.PublishedByName).HasMaxLength(200);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => new { d.OrganisationId, d.PersonId });
        builder.HasIndex(d => new { d.OrganisationId, d.Status, d.Withheld });
    }
}

internal sealed class DeclarationVersionConfiguration : IEntityTypeConfiguration<DeclarationVersion>
{
    public void Configure(EntityTypeBuilder<DeclarationVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.ComplexProperty(v => v.Details, InterestDetailsMapping.Configure);
        builder.HasIndex(v => new { v.DeclarationId, v.Number }).IsUnique();
    }
}

internal static class InterestDetailsMapping
{
    public static void Configure(ComplexPropertyBuilder<InterestDetails> details)
    {
        details.Property(x => x.Nature).HasMaxLength(Declaration.NatureMaxLength);
        details.Property(x => x.Relationship).HasMaxLength(Declaration.TextMaxLength);
        details.Property(x => x.Mitigation).HasMaxLength(Declaration.TextMaxLength);
    }
}

internal sealed class DeclarationCycleConfiguration : IEntityTypeConfiguration<DeclarationCycle>
{
    public void Configure(EntityTypeBuilder<DeclarationCycle> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(DeclarationCycle.TitleMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganisationId, c.OpensOn });
    }
}

internal sealed class CycleReturnConfiguration : IEntityTypeConfiguration<CycleReturn>
{
    public void Configure(EntityTypeBuilder<CycleReturn> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<DeclarationCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);

        // One return per person per cycle, whatever a double submit does.
        builder.HasIndex(r => new { r.CycleId, r.PersonId }).IsUnique();
    }
}

internal sealed class CycleReminderConfiguration : IEntityTypeConfiguration<CycleReminder>
{
    public void Configure(EntityTypeBuilder<CycleReminder> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Email).HasMaxLength(Person.EmailMaxLength);
        builder.HasOne<DeclarationCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CycleId, r.PersonId });
    }
}

internal sealed class GiftEntryConfiguration : IEntityTypeConfiguration<GiftEntry>
{
    public void Configure(EntityTypeBuilder<GiftEntry> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.AdviceReason).HasMaxLength(500);
        builder.Property(g => g.ValueCounted).HasPrecision(14, 2);
        builder.Property(g => g.ReviewComment).HasMaxLength(GiftEntry.TextMaxLength);
        builder.Property(g => g.ReviewedByName).HasMaxLength(200);
        builder.Property(g => g.WithheldReason).HasMaxLength(GiftEntry.TextMaxLength);
        builder.Ignore(g => g.EndedOn);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(g => g.Details, d =>
        {
            d.Property(x => x.Description).HasMaxLength(GiftEntry.DescriptionMaxLength);
            d.Property(x => x.OfferorName).HasMaxLength(GiftEntry.NameMaxLength);
            d.Property(x => x.OfferorBusiness).HasMaxLength(GiftEntry.NameMaxLength);
            d.Property(x => x.EstimatedValue).HasPrecision(14, 2);
            d.Property(x => x.Reason).HasMaxLength(GiftEntry.TextMaxLength);
            d.Property(x => x.ApprovedBy).HasMaxLength(GiftEntry.NameMaxLength);
        });
        builder.HasIndex(g => new { g.OrganisationId, g.PersonId });
        builder.HasIndex(g => new { g.OrganisationId, g.Status, g.Withheld });
    }
}

internal sealed class ProcurementDecisionConfiguration : IEntityTypeConfiguration<ProcurementDecision>
{
    public void Configure(EntityTypeBuilder<ProcurementDecision> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(p => p.Details, d =>
        {
            d.Property(x => x.Title).HasMaxLength(ProcurementDecision.TitleMaxLength);
            d.Property(x => x.Service).HasMaxLength(ProcurementDecision.TitleMaxLength);
            d.Property(x => x.ContractValue).HasPrecision(16, 2);
            d.Property(x => x.ConflictsNoted).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.ConflictsManagement).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.SupplierName).HasMaxLength(ProcurementDecision.TitleMaxLength);
        });

        // The PSR fields (ADR-0023), columns prefixed Psr_; every one optional or defaulted, so older rows read as empty.
        builder.ComplexProperty(p => p.Psr, d =>
        {
            d.Property(x => x.CpvCode).HasMaxLength(PsrRules.CpvMaxLength);
            d.Property(x => x.ProviderAddress).HasMaxLength(ProcurementDecision.TitleMaxLength);
            d.Property(x => x.DecisionMakers).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.QualityAndInnovation).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.Value).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.IntegrationCollaborationAndSustainability).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.AccessInequalitiesAndChoice).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.SocialValue).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.RepresentationsOutcome).HasMaxLength(ProcurementDecision.TextMaxLength);
            d.Property(x => x.NoticeReference).HasMaxLength(PsrRules.ReferenceMaxLength);
        });
        builder.HasIndex(p => p.OrganisationId);
    }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.Description).HasMaxLength(Breach.TextMaxLength);
        builder.Property(b => b.PublicSummary).HasMaxLength(Breach.TextMaxLength);
        builder.Property(b => b.ActionTaken).HasMaxLength(Breach.TextMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.OrganisationId, b.IdentifiedOn });
    }
}
