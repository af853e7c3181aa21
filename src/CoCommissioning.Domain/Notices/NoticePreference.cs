using CoCommissioning.Domain.Common;

namespace CoCommissioning.Domain.Notices;

/// <summary>
/// A person's choice of notices: all off, or some kinds off. No row means every notice is on. Audited like any
/// governance record, since turning notices off changes who hears of a meeting.
/// </summary>
public sealed class NoticePreference : IGovernanceRecord, IVersioned
{
    private IReadOnlyList<NoticeKind> off = [];

    // For EF Core.
    private NoticePreference()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>Every notice off, whatever <see cref="Off"/> says.</summary>
    public bool AllOff { get; private set; }

    /// <summary>The kinds turned off.</summary>
    public IReadOnlyList<NoticeKind> Off
    {
        get => off;
        private set => off = [.. value.Distinct().Order()];
    }

    public Guid Version { get; private set; }

    public static NoticePreference For(Guid organisationId, Guid personId) =>
        new() { Id = Guid.NewGuid(), OrganisationId = organisationId, PersonId = personId, Version = Guid.NewGuid() };

    public CommandResult Set(bool allOff, IEnumerable<NoticeKind>? kindsOff)
    {
        var kinds = (kindsOff ?? []).ToList();
        if (kinds.Any(k => !Enum.IsDefined(k)))
        {
            return Failure.Validation("off", "Choose kinds of notice from the list.");
        }

        AllOff = allOff;
        Off = kinds;
        Version = Guid.NewGuid();
        return CommandResult.Success();
    }

    public bool Allows(NoticeKind kind) => !AllOff && !off.Contains(kind);
}
