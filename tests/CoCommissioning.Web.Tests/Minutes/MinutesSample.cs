using CoCommissioning.Domain.Minutes;

namespace CoCommissioning.Web.Tests.Minutes;

/// <summary>
/// A meeting's minutes built by hand, as large as a busy committee's: 15 present, 5 declarations, 20 items with long
/// narratives, bullets, bold and stray markup, and actions. Shared with the benchmarks.
/// </summary>
public static class MinutesSample
{
    public static readonly DateTimeOffset StartsAt = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static string Title(int number) => $"Item title number {number:00}: primary care network enhanced access review";

    public static MinutesDocument Build(int items = 20, MinutesPart part = MinutesPart.Public)
    {
        var roles = new[] { "Chair, lay member", "Vice chair, lay member", "Director of primary care", "GP member", "Chief finance officer", "Director of nursing", "Healthwatch representative" };
        var present = Enumerable.Range(1, 15)
            .Select(i => new AttendeeLine(
                $"Dr Member{i:00} Surname-Longername",
                i == 15 ? "Deputy for the director of public health, attending for the whole of the public part" : roles[i % roles.Length],
                i % 5 == 0 ? $"Arrived 10:{i:00}, left 11:4{i % 10} during item {i % 20 + 1}" : null))
            .ToList();
        var attendance = Enumerable.Range(1, 4)
            .Select(i => new AttendeeLine($"Officer {i} Name", i == 1 ? "Committee secretary (minutes)" : "Senior commissioning manager", null))
            .ToList();
        var declarations = Enumerable.Range(1, 5)
            .Select(i => new DeclarationLine(
                $"Dr Member{i:00} Surname-Longername",
                $"Partner in a GP practice in the Riverside primary care network, which would receive funding under item {i + 2}; spouse employed by a provider bidding for the contract.",
                i % 2 == 0 ? "the chair, from the register" : null,
                [$"Item {i + 2}: left the room for the discussion and decision (left 10:{i * 7:00}, returned 10:{i * 7 + 9:00}).", "Took no part in the vote."]))
            .ToList();
        var list = Enumerable.Range(1, items).Select(Item).ToList();
        return new MinutesDocument(
            "NHS Riverside Integrated Care Board",
            "Primary Care Commissioning Committee",
            "Primary Care Commissioning Committee — November 2026",
            StartsAt,
            part,
            1,
            "Draft",
            present,
            ["Ms Apology One", "Mr Apology Two (deputy attended)", "Dr Apology Three"],
            attendance,
            declarations,
            part == MinutesPart.Private
                ? "Resolved that representatives of the press and other members of the public be excluded from the remainder of this meeting, having regard to the confidential nature of the business to be transacted, publicity on which would be prejudicial to the public interest."
                : null,
            list);
    }

    private static MinutesItem Item(int number)
    {
        var narrative = string.Join("\n\n",
            $"The committee received the report on item {number}, which set out the **proposed changes** to the enhanced access service across the five primary care networks, the results of the public engagement exercise and the financial implications for 2027/28. Members noted that the proposal had been discussed at the primary care operational group and that the *clinical reference group* supported it.",
            "Members asked about the equality impact assessment and whether patients without digital access would be disadvantaged. The director of primary care confirmed that telephone and walk-in access would remain, and that the assessment would be brought back to the committee in the spring with the first quarter's monitoring data.",
            "Points raised in discussion:\n- capacity in the smaller practices, particularly in the rural north of the area, where recruitment remains difficult;\n- the **risk** to continuity of care if appointments were booked across sites;\n- the need for a clear communication plan for patients, in plain English and other languages.",
            number == 4 ? "A member pasted <script>alert('x')</script> and <b>raw html</b> into the notes; it should appear as text." : $"See [the paper](https://example.org/papers/{number}) and `appendix B` for the detail.");
        var actions = number % 2 == 0
            ? new List<ActionLine>
            {
                new($"Bring the equality impact assessment for item {number} back to the committee with the first quarter's monitoring data and a summary of the feedback received from patient groups.", "Director of primary care", new DateOnly(2027, 3, 31)),
                new("Circulate the communication plan to members.", "Committee secretary", null),
            }
            : [];
        return new MinutesItem(
            Guid.NewGuid(),
            number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title(number),
            number % 3 == 0 ? "For information" : "For decision",
            $"Presenter {number}, head of primary care contracting",
            number % 3 == 0 ? null : "Quorate: 12 of 15 voting members present, including the chair and two lay members.",
            narrative,
            number % 3 == 0 ? null : $"Decision: the committee approved the recommendation (for 9, against 2, abstained 1).",
            actions);
    }
}
