using System.Text.Json;
using System.Text.Json.Serialization;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoCommissioning.Data.Configurations;

/// <summary>
/// A ToR version is one row; its quorum and voting rules are JSON text, the same on both providers. Versions are
/// never edited, so nothing queries inside the JSON.
/// </summary>
internal sealed class TermsOfReferenceConfiguration : IEntityTypeConfiguration<TermsOfReference>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<TermsOfReference> builder)
    {
        builder.ToTable("TermsOfReference");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.CommitteeId, t.EffectiveFrom }).IsUnique();
        builder.Property(t => t.Quorum).HasConversion(
            rule => JsonSerializer.Serialize(rule, Json),
            text => JsonSerializer.Deserialize<QuorumRule>(text, Json)!,
            new ValueComparer<QuorumRule>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json), rule => JsonSerializer.Serialize(rule, Json).GetHashCode(StringComparison.Ordinal)));
        builder.Property(t => t.Voting).HasConversion(
            rules => JsonSerializer.Serialize(rules, Json),
            text => JsonSerializer.Deserialize<VotingRules>(text, Json)!);
        builder.Ignore(t => t.Content);
    }
}
