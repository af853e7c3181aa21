using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Date);
        builder.Ignore(m => m.Agenda);
        builder.PrimitiveCollection(m => m.Apologies).HasField("apologies").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(m => m.ApologiesWithoutDeputy).HasField("apologiesWithoutDeputy").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrganisationId, m.StartsAt });
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Attendance).HasField("attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Rulings).WithOne().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Rulings).HasField("rulings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Declarations).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Declarations).HasField("declarations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.QuorumConfirmations).WithOne().HasForeignKey(q => q.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.QuorumConfirmations).HasField("quorumConfirmations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.InAttendance).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.InAttendance).HasField("inAttendance").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.FlagDismissals).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.FlagDismissals).HasField("flagDismissals").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(m => m.ShortNoticeReason).HasMaxLength(ExclusionResolution.ReasonMaxLength);
        builder.ComplexProperty(m => m.Exclusion, e =>
        {
            e.Property(x => x.Reason).HasMaxLength(ExclusionResolution.ReasonMaxLength);
            e.Property(x => x.Wording).HasMaxLength(ExclusionResolution.ReasonMaxLength + 400);
        });
    }
}

internal sealed class MeetingDeclarationConfiguration : IEntityTypeConfiguration<MeetingDeclaration>
{
    public void Configure(EntityTypeBuilder<MeetingDeclaration> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Interest).HasMaxLength(MeetingDeclaration.InterestMaxLength);
        builder.Property(d => d.RaisedBy).HasMaxLength(MeetingDeclaration.RaisedByMaxLength);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(d => d.MembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.MeetingId, d.DeclaredAt });
    }
}

internal sealed class PreFlagDismissalConfiguration : IEntityTypeConfiguration<PreFlagDismissal>
{
    public void Configure(EntityTypeBuilder<PreFlagDismissal> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Reason).HasMaxLength(PreFlagDismissal.ReasonMaxLength);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(d => d.MembershipId).OnDelete(DeleteBehavior.Restrict);

        // One dismissal per flag: two people dismissing the same flag at once leave one, the other is told.
        builder.HasIndex(d => new { d.ItemId, d.MembershipId, d.DeclarationId }).IsUnique().HasDatabaseName(UniqueIndexes.OneDismissalPerFlag);
    }
}

internal sealed class QuorumConfirmationConfiguration : IEntityTypeConfiguration<QuorumConfirmation>
{
    public void Configure(EntityTypeBuilder<QuorumConfirmation> builder)
    {
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Explanation).HasMaxLength(QuorumConfirmation.ExplanationMaxLength);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(q => q.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(q => q.ConfirmedByMembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.MeetingId, q.ItemId });
    }
}

internal sealed class PersonInAttendanceConfiguration : IEntityTypeConfiguration<PersonInAttendance>
{
    public void Configure(EntityTypeBuilder<PersonInAttendance> builder)
    {
        builder.ToTable("PeopleInAttendance");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(PersonInAttendance.NameMaxLength);
        builder.Property(p => p.Capacity).HasMaxLength(PersonInAttendance.CapacityMaxLength);
    }
}

internal sealed class MeetingPaperConfiguration : IEntityTypeConfiguration<MeetingPaper>
{
    public void Configure(EntityTypeBuilder<MeetingPaper> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(MeetingPaper.TitleMaxLength);
        builder.Property(p => p.FileName).HasMaxLength(MeetingPaper.FileNameMaxLength);
        builder.Property(p => p.ContentType).HasMaxLength(100);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MeetingId, p.ItemId });
        builder.HasIndex(p => p.SeriesId);
        builder.Ignore(p => p.IsCurrent);
        builder.Property(p => p.RemovedReason).HasMaxLength(AgendaItem.ReasonMaxLength);
        builder.Property(p => p.LateReason).HasMaxLength(AgendaItem.ReasonMaxLength);
    }
}

internal sealed class PaperContentConfiguration : IEntityTypeConfiguration<PaperContent>
{
    public void Configure(EntityTypeBuilder<PaperContent> builder)
    {
        builder.HasKey(c => c.PaperId);
        builder.HasOne<MeetingPaper>().WithOne().HasForeignKey<PaperContent>(c => c.PaperId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        builder.Property(i => i.Presenter).HasMaxLength(AgendaItem.PresenterMaxLength);
        builder.Property(i => i.OutcomeNote).HasMaxLength(AgendaItem.OutcomeNoteMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsClosed);
        builder.Ignore(i => i.IsWithdrawn);
        builder.Property(i => i.Number).HasMaxLength(AgendaItem.NumberMaxLength);
        builder.Property(i => i.LateReason).HasMaxLength(AgendaItem.ReasonMaxLength);
        builder.Property(i => i.WithdrawnReason).HasMaxLength(AgendaItem.ReasonMaxLength);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(i => i.ParentItemId).OnDelete(DeleteBehavior.Restrict);

        // A short list read with the item, like a meeting's apologies: no join table to keep in step. Bodies are
        // checked against the organisation's list when set; a body is never deleted once named (no delete in the API).
        builder.PrimitiveCollection(i => i.AffectedBodyIds).HasField("affectedBodyIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Not unique: a reorder moves several positions in one save, and PostgreSQL checks a unique index row by row.
        // Numbers are unique by construction (AgendaNumbering) and writes to a meeting go one at a time (MeetingLock).
        builder.HasIndex(i => new { i.MeetingId, i.Position });
    }
}

internal sealed class PreFlagResponseConfiguration : IEntityTypeConfiguration<PreFlagResponse>
{
    public void Configure(EntityTypeBuilder<PreFlagResponse> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Note).HasMaxLength(PreFlagResponse.NoteMaxLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Restrict);

        // No foreign key to the declaration: the retention job purges declarations six years after they end, and
        // the meeting record (with what the member answered) outlives that.

        // One answer per item and declaration: a double click or two tabs leave one, the second save is refused.
        builder.HasIndex(r => new { r.ItemId, r.DeclarationId }).IsUnique().HasDatabaseName(UniqueIndexes.OneAnswerPerFlag);
        builder.HasIndex(r => new { r.MeetingId, r.PersonId });
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MeetingId, a.MembershipId });
    }
}

internal sealed class ItemRulingConfiguration : IEntityTypeConfiguration<ItemRuling>
{
    public void Configure(EntityTypeBuilder<ItemRuling> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Interest).HasMaxLength(ItemRuling.InterestMaxLength);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ItemId, r.MembershipId }).IsUnique().HasDatabaseName(UniqueIndexes.OneRulingPerMemberPerItem);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Resolution).HasMaxLength(Decision.ResolutionMaxLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Restrict);

        // One decision per item: a second attempt (a double click, a second secretary) is refused by the database.
        builder.HasIndex(d => d.ItemId).IsUnique().HasDatabaseName(UniqueIndexes.OneDecisionPerItem);
        builder.HasIndex(d => new { d.OrganisationId, d.DecidedAt });
        builder.HasMany(d => d.Votes).WithOne().HasForeignKey(v => v.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Votes).HasField("votes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VoteRecordConfiguration : IEntityTypeConfiguration<VoteRecord>
{
    public void Configure(EntityTypeBuilder<VoteRecord> builder)
    {
        builder.ToTable("Votes");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<Membership>().WithMany().HasForeignKey(v => v.MembershipId).OnDelete(DeleteBehavior.Restrict);

        // One vote per member per item, whatever the application does.
        builder.HasIndex(v => new { v.ItemId, v.MembershipId }).IsUnique().HasDatabaseName(UniqueIndexes.OneVotePerMemberPerItem);
    }
}

internal sealed class InquorateResolutionConfiguration : IEntityTypeConfiguration<InquorateResolution>
{
    public void Configure(EntityTypeBuilder<InquorateResolution> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Detail).HasMaxLength(InquorateResolution.DetailMaxLength);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ItemId).IsUnique().HasDatabaseName(UniqueIndexes.OneInquorateChoicePerItem);
    }
}

internal sealed class AgendaTemplateConfiguration : IEntityTypeConfiguration<AgendaTemplate>
{
    public void Configure(EntityTypeBuilder<AgendaTemplate> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Entries);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(t => t.CommitteeId).OnDelete(DeleteBehavior.Restrict);

        // One template per committee: two secretaries saving the first one at once leave one, the other is told.
        builder.HasIndex(t => t.CommitteeId).IsUnique().HasDatabaseName(UniqueIndexes.OneAgendaTemplatePerCommittee);
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Items).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgendaTemplateItemConfiguration : IEntityTypeConfiguration<AgendaTemplateItem>
{
    public void Configure(EntityTypeBuilder<AgendaTemplateItem> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
    }
}
