using System.Text.Json;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> builder)
    {
        builder.ToTable("Minutes");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Latest);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);

        // One set of minutes per meeting: two secretaries opening the draft at once leave one.
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MinutesId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    private static readonly JsonSerializerOptions Json = new();

    public void Configure(EntityTypeBuilder<MinutesVersion> builder)
    {
        builder.ToTable("MinutesVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Ignore(v => v.IsApproved);
        builder.Property(v => v.CreatedBy).HasMaxLength(MinutesVersion.ActorNameMaxLength);
        builder.Property(v => v.ApprovedBy).HasMaxLength(MinutesVersion.ActorNameMaxLength);
        builder.Property(v => v.CorrectionReason).HasMaxLength(MinutesVersion.ReasonMaxLength);
        builder.Property(v => v.ContentHash).HasMaxLength(64);

        // The narratives by item id, as one JSON text column: the same on both providers, read and written whole
        // with the version, and the audit trail records the old and new value of the column on every edit. Each
        // narrative's length is checked by the domain; the column is unbounded text.
        builder.Property(v => v.Narratives)
            .HasConversion(
                n => JsonSerializer.Serialize(n, Json),
                s => JsonSerializer.Deserialize<Dictionary<Guid, string>>(s, Json) ?? new Dictionary<Guid, string>(),
                new ValueComparer<IReadOnlyDictionary<Guid, string>>(
                    (a, b) => a != null && b != null && a.Count == b.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
                    n => n.Aggregate(0, (hash, kv) => HashCode.Combine(hash, kv.Key, kv.Value)),
                    n => new Dictionary<Guid, string>(n)));

        builder.HasOne<Meeting>().WithMany().HasForeignKey(v => v.ApprovedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(v => v.ApprovedAtItemId).OnDelete(DeleteBehavior.Restrict);

        // Every version kept, numbered once.
        builder.HasIndex(v => new { v.MinutesId, v.Number }).IsUnique();
    }
}
