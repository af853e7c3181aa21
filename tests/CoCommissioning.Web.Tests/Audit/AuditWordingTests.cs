using CoCommissioning.Data.Audit;
using CoCommissioning.Web.Features.Audit;

namespace CoCommissioning.Web.Tests.Audit;

/// <summary>Issue 13: an audit entry in words, table by table. Pure: the names come from a dictionary.</summary>
public sealed class AuditWordingTests
{
    private static readonly Guid Aisha = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Declaration = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid Committee = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly Guid Gone = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid Meeting = Guid.Parse("55555555-5555-5555-5555-555555555555");
    private static readonly Guid Riverside = Guid.Parse("66666666-6666-6666-6666-666666666666");

    private sealed class Names : IAuditNames
    {
        private readonly Dictionary<Guid, string> names = new()
        {
            [Aisha] = "Dr Aisha Rahman",
            [Committee] = "Primary Care Commissioning Committee",
            [Meeting] = "December meeting (3 Dec 2026)",
            [Riverside] = "Riverside Surgery",
        };

        public string? NameOf(Guid id) => names.TryGetValue(id, out var name) ? name : null;

        public Guid? RecordedId(string recordId, string field) =>
            recordId == Declaration.ToString() && field == "PersonId" ? Aisha : null;
    }

    public static TheoryData<string, string, string?, AuditAction, string, string> Entries => new()
    {
        // The example: an update names whose record it is from the record's first entry.
        { "Declaration", Declaration.ToString(), null, AuditAction.Update, """{"Details.To":{"old":null,"new":"2027-03-31"}}""",
            "Emma Clarke changed the declaration of Dr Aisha Rahman: end date from — to 31 March 2027" },
        // An insert names the person from its own values.
        { "Declaration", Guid.NewGuid().ToString(), null, AuditAction.Insert, $$$"""{"PersonId":{"old":null,"new":"{{{Aisha}}}"}}""",
            "Emma Clarke added the declaration of Dr Aisha Rahman" },
        // A version is part of its declaration: the declaration's person is named.
        { "DeclarationVersion", Guid.NewGuid().ToString(), Declaration.ToString(), AuditAction.Insert, """{"Number":{"old":null,"new":2}}""",
            "Emma Clarke added the declaration version of Dr Aisha Rahman" },
        // Several fields, an enum by its label, a boolean, a body by name.
        { "Committee", Committee.ToString(), null, AuditAction.Update, """{"Level":{"old":"Joint","new":"Delegated"},"Purpose":{"old":"","new":"Commissioning"}}""",
            "Emma Clarke changed the committee Primary Care Commissioning Committee: level from Joint commissioning to Delegated commissioning; purpose from — to Commissioning" },
        { "Membership", Guid.NewGuid().ToString(), Committee.ToString(), AuditAction.Update, $$$"""{"PersonId":{"old":"{{{Aisha}}}","new":"{{{Aisha}}}"},"Office":{"old":"None","new":"ViceChair"},"IsVoting":{"old":false,"new":true}}""",
            "Emma Clarke changed the committee membership of Dr Aisha Rahman: person from Dr Aisha Rahman to Dr Aisha Rahman; office from none to Vice chair; voting member from no to yes" },
        // A part of a meeting names the meeting; an unknown enum reads as words.
        { "AgendaItem", Guid.NewGuid().ToString(), Meeting.ToString(), AuditAction.Update, """{"Purpose":{"old":"Information","new":"Decision"},"AffectedBodyIds":{"old":[],"new":["66666666-6666-6666-6666-666666666666"]}}""",
            "Emma Clarke changed the agenda item for December meeting (3 Dec 2026): purpose from Information to Decision; organisations affected from — to Riverside Surgery" },
        // A record that is gone, or an id nobody knows, says so instead of showing a GUID.
        { "Person", Gone.ToString(), null, AuditAction.Delete, """{"FullName":{"old":"Someone","new":null}}""",
            "Emma Clarke removed the details of (removed record)" },
        { "ActionItem", Guid.NewGuid().ToString(), null, AuditAction.Update, $$$"""{"OwnerPersonId":{"old":"{{{Gone}}}","new":"{{{Aisha}}}"}}""",
            "Emma Clarke changed the action owned by Dr Aisha Rahman: owner from (removed record) to Dr Aisha Rahman" },
        // A kind with no subject, a time in UK time, and a kind nobody labelled (its name split).
        { "RegisterSettings", Guid.NewGuid().ToString(), null, AuditAction.Update, """{"GiftThreshold":{"old":50,"new":100}}""",
            "Emma Clarke changed the register settings: gift threshold from 50 to 100" },
        { "Meeting", Meeting.ToString(), null, AuditAction.Update, """{"StartsAt":{"old":"2026-07-01T13:00:00+00:00","new":"2026-12-03T10:00:00+00:00"}}""",
            "Emma Clarke changed the meeting December meeting (3 Dec 2026): start from 1 July 2026, 14:00 to 3 December 2026, 10:00" },
        { "SomethingNewLater", Guid.NewGuid().ToString(), null, AuditAction.Insert, """{"AgreedMitigation":{"old":null,"new":"Leaves the room"}}""",
            "Emma Clarke added the something new later" },
        // The retention job's purge says why.
        { "GiftEntry", Guid.NewGuid().ToString(), null, AuditAction.Purge, """{"retention":{"old":null,"new":"Six years after it ended"}}""",
            "System (retention) purged the gifts and hospitality entry of (removed record): Six years after it ended" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Describe_Entry_ReadsAsASentence(string recordType, string recordId, string? aggregateId, AuditAction action, string changes, string expected)
    {
        var actor = action == AuditAction.Purge ? "System (retention)" : "Emma Clarke";

        var words = AuditWording.Describe(new AuditFacts(actor, recordType, recordId, aggregateId, action, changes), new Names());

        words.Sentence.Should().Be(expected);
    }

    [Theory]
    [InlineData("Declaration", "Details.To", "end date")]
    [InlineData("Declaration", "PublishedDetails.From", "published start date")]
    [InlineData("Membership", "DeputyPersonId", "deputy")]
    [InlineData("Membership", "TermEnd", "term end")]
    [InlineData("Declaration", "AgreedMitigation", "agreed mitigation")]
    [InlineData("Breach", "PersonId", "person")]
    [InlineData("Meeting", "RoleIds", "roles")]
    [InlineData("Anything", "IsDecisionMakingStaff", "decision-making staff")]
    [InlineData("Anything", "Details.ConcernsBodyId", "organisation concerned")]
    public void FieldLabel_ReadsInWords(string recordType, string field, string expected) =>
        AuditWording.FieldLabel(AuditWording.KindOf(recordType), field).Should().Be(expected);

    [Fact]
    public void Describe_InsertSkipsTheRecordsOwnIdAndOrganisation_AndEmptyIsADash()
    {
        var json = $$$"""{"Id":{"old":null,"new":"{{{Guid.NewGuid()}}}"},"OrganisationId":{"old":null,"new":"{{{Guid.NewGuid()}}}"},"CommitteeId":{"old":null,"new":"{{{Committee}}}"},"TermEnd":{"old":null,"new":null},"Email":{"old":null,"new":""}}""";

        var words = AuditWording.Describe(new AuditFacts("Emma Clarke", "Membership", Guid.NewGuid().ToString(), Committee.ToString(), AuditAction.Insert, json), new Names());

        words.Fields.Should().Equal(
            new AuditFieldWords("committee", "—", "Primary Care Commissioning Committee"),
            new AuditFieldWords("term end", "—", "—"),
            new AuditFieldWords("email", "—", "—"));
    }

    [Fact]
    public void Describe_NotJson_StillReadsAsASentence()
    {
        var words = AuditWording.Describe(new AuditFacts("Emma Clarke", "Committee", Committee.ToString(), null, AuditAction.Update, "not json"), new Names());

        words.Sentence.Should().Be("Emma Clarke changed the committee Primary Care Commissioning Committee");
        words.Fields.Should().BeEmpty();
    }
}
