using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

/// <summary>The meeting's place, cancellation, closing and calendar sequence (ADR-0019); the rest is <see cref="MeetingConfiguration"/>.</summary>
internal sealed class MeetingLifecycleConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Ignore(m => m.Place);
        builder.Ignore(m => m.IsCancelled);
        builder.Ignore(m => m.IsClosed);
        builder.Ignore(m => m.HasBegun);
        builder.Property(m => m.VenueName).HasMaxLength(MeetingPlace.VenueNameMaxLength);
        builder.Property(m => m.VenueAddress).HasMaxLength(MeetingPlace.VenueAddressMaxLength);
        builder.Property(m => m.JoiningLink).HasMaxLength(MeetingPlace.JoiningLinkMaxLength);
        builder.Property(m => m.JoiningInstructions).HasMaxLength(MeetingPlace.JoiningInstructionsMaxLength);
        builder.Property(m => m.CancellationReason).HasMaxLength(Meeting.CancellationReasonMaxLength);
    }
}

internal sealed class CommitteeSecretaryConfiguration : IEntityTypeConfiguration<CommitteeSecretary>
{
    public void Configure(EntityTypeBuilder<CommitteeSecretary> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CommitteeId, s.UserId }).IsUnique().HasDatabaseName(UniqueIndexes.OneSecretaryAssignment);
        builder.HasIndex(s => new { s.OrganisationId, s.UserId });
    }
}
