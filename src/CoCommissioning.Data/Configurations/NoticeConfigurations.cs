using CoCommissioning.Domain.Notices;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

/// <summary>The notices outbox (ADR-0021): also the list of every message the app sent, so no foreign key to what it is about.</summary>
internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Property(n => n.RecipientName).HasMaxLength(Notice.NameMaxLength);
        builder.Property(n => n.RecipientEmail).HasMaxLength(Notice.EmailMaxLength);
        builder.Property(n => n.Subject).HasMaxLength(Notice.SubjectMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength);
        builder.Property(n => n.RelatedRecordType).HasMaxLength(Notice.RecordTypeMaxLength);
        builder.Property(n => n.LastError).HasMaxLength(Notice.ErrorMaxLength);
        builder.Property(n => n.DedupKey).HasMaxLength(Notice.DedupKeyMaxLength);
        builder.Property(n => n.AttachmentName).HasMaxLength(Notice.AttachmentNameMaxLength);
        builder.Property(n => n.AttachmentContentType).HasMaxLength(100);
        builder.Property(n => n.AttachmentContent).HasMaxLength(Notice.AttachmentContentMaxLength);
        builder.Ignore(n => n.Attachment);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // The dispatcher's query, the lists, and once-only reminders (a second run of the job cannot add a second).
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => new { n.OrganisationId, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientPersonId, n.CreatedAt });
        builder.HasIndex(n => n.RelatedRecordId);
        builder.HasIndex(n => n.DedupKey).IsUnique();
    }
}

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PersonId).IsUnique();

        // The kinds turned off, as their names separated by commas: a short list read with the row.
        builder.Property(p => p.Off).HasField("off").UsePropertyAccessMode(PropertyAccessMode.Field).HasMaxLength(400)
            .HasConversion(
                kinds => string.Join(',', kinds),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<NoticeKind>).ToList(),
                new ValueComparer<IReadOnlyList<NoticeKind>>((a, b) => a!.SequenceEqual(b!), kinds => string.Join(',', kinds).GetHashCode(StringComparison.Ordinal), kinds => kinds.ToList()));
    }
}
