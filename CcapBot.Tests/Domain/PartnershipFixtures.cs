using CcapBot.Domain;

namespace CcapBot.Tests.Domain;

/// <summary>Partnerships in each state of the C3 process, built only through their own methods.</summary>
internal static class PartnershipFixtures
{
    public const int Kitakyushu = 1;
    public const int Haiphong = 2;
    public const int DaNang = 3;
    public const int Outsider = 9;

    /// <summary>1 March 2027, 09:00 in Hai Phong.</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2027, 3, 1);

    public static readonly PartnershipActor Coordinator = PartnershipActor.Coordinator("coordinator@cleanairasia.org");
    public static readonly PartnershipActor KitakyushuRep = Rep(Kitakyushu, 11);
    public static readonly PartnershipActor HaiphongRep = Rep(Haiphong, 21);
    public static readonly PartnershipActor OutsiderRep = Rep(Outsider, 91);

    public static PartnershipActor Rep(int cityId, int representativeId) => new($"29:user-{representativeId}", false, representativeId, cityId);

    public static Partnership Proposed(params int[] extraLearningCities) =>
        Partnership.Propose(
            "Emissions inventory of industrial zones and the port",
            "emissions-inventory",
            new PartnershipMember(Kitakyushu, 101),
            [new PartnershipMember(Haiphong, 201), .. extraLearningCities.Select(c => new PartnershipMember(c))],
            Coordinator,
            Now);

    public static Partnership Confirmed(params int[] extraLearningCities)
    {
        var partnership = Proposed(extraLearningCities);
        partnership.Confirm(Coordinator, Now);
        return partnership;
    }

    public static LaunchMeetingPlan Plan(DateTimeOffset? startsAt = null) =>
        new(startsAt ?? Now.AddDays(7), 90, "Asia/Ho_Chi_Minh", "https://teams.microsoft.com/l/meetup-join/abc", "Introductions; scope; next steps");

    public static Partnership LaunchScheduled()
    {
        var partnership = Confirmed();
        partnership.ScheduleLaunch(Coordinator, Plan(), Now);
        return partnership;
    }

    /// <summary>Activities due one month apart from April, owned alternately by Hai Phong and Kitakyushu; completion after the last.</summary>
    public static ActionListDraft Draft(int count = 6, int? basedOn = null)
    {
        var activities = Enumerable.Range(1, count)
            .Select(i => new ActivityDraft($"Activity {i}", $"What activity {i} is about", i % 2 == 1 ? Haiphong : Kitakyushu, Today.AddMonths(i)))
            .ToList();
        return new ActionListDraft(activities, Today.AddMonths(count + 1), basedOn);
    }

    public static Partnership ActionListProposed()
    {
        var partnership = LaunchScheduled();
        partnership.ProposeActionList(Coordinator, Draft(), Today, Now);
        return partnership;
    }

    public static Partnership Active()
    {
        var partnership = ActionListProposed();
        partnership.AgreeActionList(HaiphongRep, 1, Now);
        partnership.AgreeActionList(KitakyushuRep, 1, Now);
        return partnership;
    }

    /// <summary>Asserts the call is refused for <paramref name="rule"/> and that the partnership did not change.</summary>
    public static DomainRuleException Refused(Partnership partnership, DomainRule rule, Action act)
    {
        var before = Snapshot(partnership);
        var refused = Assert.Throws<DomainRuleException>(act);
        Assert.Contains(refused.Violations, v => v.Rule == rule);
        Assert.Equal(before, Snapshot(partnership));
        return refused;
    }

    private static string Snapshot(Partnership p) => string.Join("|",
        p.Version, p.Status, p.UpdatedAt, p.CompletionDate, p.CheckInCadenceDays, p.Cities.Count, p.LaunchMeetings.Count,
        string.Join(",", p.LaunchMeetings.Select(m => $"{m.Status}/{m.StartsAt:O}/{m.Revision}/{m.Rsvps.Count}")),
        string.Join(",", p.ActionLists.Select(v => $"{v.Number}/{v.Status}/{v.Agreements.Count}")),
        string.Join(",", p.Activities.Select(a => $"{a.Number}/{a.Status}/{a.LastNote}/{a.RemovedAt}/{a.Updates.Count}")));
}
