using CoCommissioning.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

/// <summary>One stored pack per meeting and part, replaced when its fingerprint no longer matches (ADR-0020).</summary>
internal sealed class StoredMeetingPackConfiguration : IEntityTypeConfiguration<StoredMeetingPack>
{
    public void Configure(EntityTypeBuilder<StoredMeetingPack> builder)
    {
        builder.ToTable("MeetingPacks");
        builder.HasKey(p => new { p.MeetingId, p.Part });
        builder.Property(p => p.Fingerprint).HasMaxLength(StoredMeetingPack.FingerprintLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
