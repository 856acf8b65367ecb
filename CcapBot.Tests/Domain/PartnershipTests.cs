using CcapBot.Domain;
using static CcapBot.Tests.Domain.PartnershipFixtures;

namespace CcapBot.Tests.Domain;

public sealed class PartnershipTests
{
    [Fact]
    public void Propose_ByCoordinator_HasOneMentorAndTheLearningCities()
    {
        var partnership = Proposed(DaNang);

        Assert.Equal(PartnershipStatus.Proposed, partnership.Status);
        Assert.Equal(Kitakyushu, partnership.MentorCityId);
        Assert.Equal([Haiphong, DaNang], partnership.LearningCityIds);
        Assert.Equal(101, partnership.Cities.Single(c => c.CityId == Kitakyushu).ApplicationId);
        Assert.Equal(201, partnership.Cities.Single(c => c.CityId == Haiphong).ApplicationId);
        Assert.Equal(Partnership.DefaultCheckInCadenceDays, partnership.CheckInCadenceDays);
        Assert.Equal(Coordinator.Identity, partnership.CreatedBy);
        Assert.Equal(Now, partnership.CreatedAt);
    }

    public static TheoryData<int, int[], DomainRule> BadProposals => new()
    {
        { Kitakyushu, [], DomainRule.CitiesInvalid },
        { Kitakyushu, [Kitakyushu], DomainRule.CitiesInvalid },
        { Kitakyushu, [Haiphong, Haiphong], DomainRule.CitiesInvalid },
    };

    [Theory]
    [MemberData(nameof(BadProposals))]
    public void Propose_WithoutDistinctMentorAndLearningCities_IsRefused(int mentor, int[] learning, DomainRule expected)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Partnership.Propose(
            "Purpose", "emissions-inventory", new PartnershipMember(mentor), [.. learning.Select(l => new PartnershipMember(l))], Coordinator, Now));
        Assert.Equal(expected, Assert.Single(refused.Violations).Rule);
    }

    [Fact]
    public void Propose_ByRepresentative_WithoutPurposeOrCategory_ListsEveryBrokenRule()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Partnership.Propose(
            " ", "", new PartnershipMember(Kitakyushu), [new PartnershipMember(Haiphong)], HaiphongRep, Now));

        Assert.Equal([DomainRule.CoordinatorOnly, DomainRule.PurposeRequired, DomainRule.CategoryRequired], refused.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void Confirm_ByCoordinator_ConfirmsAndBumpsTheConcurrencyToken()
    {
        var partnership = Proposed();
        var later = Now.AddMinutes(5);

        partnership.Confirm(Coordinator, later);

        Assert.Equal(PartnershipStatus.Confirmed, partnership.Status);
        Assert.Equal(later, partnership.ConfirmedAt);
        Assert.Equal(later, partnership.UpdatedAt);
        Assert.Equal(1, partnership.Version);
    }

    [Fact]
    public void Confirm_ByRepresentative_OrTwice_IsRefused()
    {
        var proposed = Proposed();
        Refused(proposed, DomainRule.CoordinatorOnly, () => proposed.Confirm(KitakyushuRep, Now));

        var confirmed = Confirmed();
        Refused(confirmed, DomainRule.NotAllowedInStatus, () => confirmed.Confirm(Coordinator, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void SetCheckInCadence_OutOfRange_IsRefused(int days)
    {
        var partnership = Active();
        Refused(partnership, DomainRule.CadenceOutOfRange, () => partnership.SetCheckInCadence(Coordinator, days, Now));
    }

    [Fact]
    public void SetCheckInCadence_ByParticipant_Changes_ByOutsider_IsRefused()
    {
        var partnership = Active();

        partnership.SetCheckInCadence(HaiphongRep, 7, Now);
        Assert.Equal(7, partnership.CheckInCadenceDays);

        Refused(partnership, DomainRule.NotAParticipant, () => partnership.SetCheckInCadence(OutsiderRep, 21, Now));
    }

    [Fact]
    public void InactiveRepresentative_IsNoParticipant()
    {
        var partnership = Active();
        var pending = PartnershipActor.ForRepresentative(
            new Representative { Id = 22, CityId = Haiphong, Name = "Pending", Email = "p@haiphong.gov.vn", TimeZone = "Asia/Ho_Chi_Minh", Active = false },
            "29:pending");

        Refused(partnership, DomainRule.NotAParticipant, () => partnership.UpdateActivity(pending, 1, ActivityStatus.Done, null, "msteams", Now));
    }

    [Fact]
    public void Cancel_NeedsAReason_AndCancelsTheOpenLaunchMeeting()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.ReasonRequired, () => partnership.Cancel(Coordinator, "  ", Now));
        Refused(partnership, DomainRule.CoordinatorOnly, () => partnership.Cancel(HaiphongRep, "No longer needed", Now));

        partnership.Cancel(Coordinator, "Mentor city withdrew", Now.AddDays(1));

        Assert.Equal(PartnershipStatus.Cancelled, partnership.Status);
        Assert.Equal("Mentor city withdrew", partnership.EndReason);
        Assert.Equal(LaunchMeetingStatus.Cancelled, Assert.Single(partnership.LaunchMeetings).Status);
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.Cancel(Coordinator, "Again", Now));
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.ProposeActionList(Coordinator, Draft(), Today, Now));
    }

    [Fact]
    public void Complete_NeedsEveryActivityDone()
    {
        var partnership = Active();
        Refused(partnership, DomainRule.ActivitiesNotDone, () => partnership.Complete(HaiphongRep, Now));

        foreach (var activity in partnership.LiveActivities.ToList())
            partnership.UpdateActivity(HaiphongRep, activity.Number, ActivityStatus.Done, null, "webchat", Now);
        partnership.Complete(HaiphongRep, Now.AddDays(1));

        Assert.Equal(PartnershipStatus.Completed, partnership.Status);
        Assert.Equal(Now.AddDays(1), partnership.EndedAt);
    }

    [Fact]
    public void Close_ByCoordinator_OnlyOnceActive()
    {
        var confirmed = Confirmed();
        Refused(confirmed, DomainRule.NotAllowedInStatus, () => confirmed.Close(Coordinator, null, Now));

        var active = Active();
        Refused(active, DomainRule.CoordinatorOnly, () => active.Close(KitakyushuRep, null, Now));
        active.Close(Coordinator, "Stopped early: staff changes", Now);

        Assert.Equal(PartnershipStatus.Closed, active.Status);
        Assert.True(active.IsEnded);
        Refused(active, DomainRule.NotAllowedInStatus, () => active.UpdateActivity(HaiphongRep, 1, ActivityStatus.Done, null, "msteams", Now));
    }
}
