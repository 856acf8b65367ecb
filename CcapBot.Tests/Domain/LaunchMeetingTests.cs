using CcapBot.Domain;
using static CcapBot.Tests.Domain.PartnershipFixtures;

namespace CcapBot.Tests.Domain;

public sealed class LaunchMeetingTests
{
    [Fact]
    public void Schedule_ByCoordinator_StoresOneUtcInstant_AndMovesToLaunchScheduled()
    {
        var partnership = Confirmed();
        // 14:00 in Hai Phong (UTC+7), entered with its offset.
        var startsAt = new DateTimeOffset(2027, 3, 8, 14, 0, 0, TimeSpan.FromHours(7));

        var meeting = partnership.ScheduleLaunch(Coordinator, Plan(startsAt), Now);

        Assert.Equal(PartnershipStatus.LaunchScheduled, partnership.Status);
        Assert.Equal(1, meeting.Number);
        Assert.Equal(LaunchMeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(TimeSpan.Zero, meeting.StartsAt.Offset);
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 7, 0, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal(meeting.StartsAt.AddMinutes(90), meeting.EndsAt);
        Assert.Same(meeting, partnership.OpenLaunchMeeting);
    }

    [Fact]
    public void Schedule_ByNonCoordinator_IsRefused()
    {
        var partnership = Confirmed();
        Refused(partnership, DomainRule.CoordinatorOnly, () => partnership.ScheduleLaunch(HaiphongRep, Plan(), Now));
    }

    public static TheoryData<LaunchMeetingPlan, DomainRule> BadPlans => new()
    {
        { Plan(Now.AddMinutes(-1)), DomainRule.MeetingInPast },
        { Plan() with { DurationMinutes = 10 }, DomainRule.MeetingDurationOutOfRange },
        { Plan() with { DurationMinutes = 9 * 60 }, DomainRule.MeetingDurationOutOfRange },
        { Plan() with { JoinLink = "teams meeting tomorrow" }, DomainRule.JoinLinkInvalid },
        { Plan() with { JoinLink = "javascript:alert(1)" }, DomainRule.JoinLinkInvalid },
        { Plan() with { OrganiserTimeZone = "Mars/Olympus_Mons" }, DomainRule.TimeZoneUnknown },
        { Plan() with { Agenda = new string('a', LaunchMeeting.MaxAgendaLength + 1) }, DomainRule.TextTooLong },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Schedule_WithABadPlan_IsRefused(LaunchMeetingPlan plan, DomainRule expected)
    {
        var partnership = Confirmed();
        Refused(partnership, expected, () => partnership.ScheduleLaunch(Coordinator, plan, Now));
    }

    [Fact]
    public void Schedule_WhileOneIsOpen_IsRefused_RescheduleInstead()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.MeetingAlreadyScheduled, () => partnership.ScheduleLaunch(Coordinator, Plan(Now.AddDays(8)), Now));
    }

    [Fact]
    public void Schedule_BeforeConfirmation_IsRefused()
    {
        var partnership = Proposed();
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.ScheduleLaunch(Coordinator, Plan(), Now));
    }

    [Fact]
    public void Rsvps_AreTalliedPerRepresentative_TheLatestAnswerCounts()
    {
        var partnership = LaunchScheduled();
        var secondHaiphongRep = Rep(Haiphong, 23);

        partnership.Respond(HaiphongRep, 1, RsvpResponse.Decline, null, Now);
        partnership.Respond(HaiphongRep, 1, RsvpResponse.Accept, null, Now.AddMinutes(1));
        partnership.Respond(secondHaiphongRep, 1, RsvpResponse.Decline, null, Now);
        var proposal = partnership.Respond(KitakyushuRep, 1, RsvpResponse.ProposeTime, Now.AddDays(9), Now);

        var meeting = Assert.Single(partnership.LaunchMeetings);
        Assert.Equal(new RsvpTally(Accepted: 1, Declined: 1, ProposedOtherTime: 1), meeting.Tally());
        Assert.Equal(3, meeting.Rsvps.Count);
        Assert.Equal(Now.AddDays(9), proposal.ProposedStartsAt);
        Assert.Equal(Kitakyushu, proposal.CityId);
        Assert.Equal(KitakyushuRep.Identity, proposal.RespondedBy);
    }

    [Fact]
    public void Rsvp_FromOutsideThePartnership_IsRefused()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.NotAParticipant, () => partnership.Respond(OutsiderRep, 1, RsvpResponse.Accept, null, Now));
        Refused(partnership, DomainRule.NotAParticipant, () => partnership.Respond(Coordinator, 1, RsvpResponse.Accept, null, Now));
    }

    [Fact]
    public void Rsvp_ProposingATime_NeedsAFutureTime()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.ProposedTimeRequired, () => partnership.Respond(HaiphongRep, 1, RsvpResponse.ProposeTime, null, Now));
        Refused(partnership, DomainRule.ProposedTimeRequired, () => partnership.Respond(HaiphongRep, 1, RsvpResponse.ProposeTime, Now.AddHours(-1), Now));
    }

    [Fact]
    public void Rsvp_ToAnUnknownMeeting_IsRefused()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.MeetingNotFound, () => partnership.Respond(HaiphongRep, 2, RsvpResponse.Accept, null, Now));
    }

    [Fact]
    public void Reschedule_StartsANewRevision_OldAnswersNoLongerCount()
    {
        var partnership = LaunchScheduled();
        partnership.Respond(HaiphongRep, 1, RsvpResponse.Accept, null, Now);
        partnership.Respond(KitakyushuRep, 1, RsvpResponse.ProposeTime, Now.AddDays(10), Now);

        partnership.RescheduleLaunch(Coordinator, 1, Now.AddDays(10), 60, Now.AddHours(1));

        var meeting = Assert.Single(partnership.LaunchMeetings);
        Assert.Equal(LaunchMeetingStatus.Rescheduled, meeting.Status);
        Assert.Equal(1, meeting.Revision);
        Assert.Equal(Now.AddDays(10), meeting.StartsAt);
        Assert.Equal(60, meeting.DurationMinutes);
        Assert.Equal(new RsvpTally(0, 0, 0), meeting.Tally());
        Assert.Equal(2, meeting.Rsvps.Count); // history kept

        partnership.Respond(KitakyushuRep, 1, RsvpResponse.Accept, null, Now.AddHours(2));
        Assert.Equal(new RsvpTally(1, 0, 0), meeting.Tally());
    }

    [Fact]
    public void Reschedule_ByNonCoordinator_OrIntoThePast_IsRefused()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.CoordinatorOnly, () => partnership.RescheduleLaunch(HaiphongRep, 1, Now.AddDays(3), 60, Now));
        Refused(partnership, DomainRule.MeetingInPast, () => partnership.RescheduleLaunch(Coordinator, 1, Now.AddDays(-3), 60, Now));
    }

    [Fact]
    public void Cancel_ReturnsThePartnershipToConfirmed_AndClosesTheMeetingToAnswers()
    {
        var partnership = LaunchScheduled();

        partnership.CancelLaunch(Coordinator, 1, Now);

        Assert.Equal(PartnershipStatus.Confirmed, partnership.Status);
        Assert.Null(partnership.OpenLaunchMeeting);
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.Respond(HaiphongRep, 1, RsvpResponse.Accept, null, Now));
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.RescheduleLaunch(Coordinator, 1, Now.AddDays(3), 60, Now));

        var second = partnership.ScheduleLaunch(Coordinator, Plan(Now.AddDays(14)), Now);
        Assert.Equal(2, second.Number);
        Assert.Equal(PartnershipStatus.LaunchScheduled, partnership.Status);
    }

    [Fact]
    public void MarkHeld_OnlyOnceItStarted()
    {
        var partnership = LaunchScheduled();
        var meeting = Assert.Single(partnership.LaunchMeetings);
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.MarkLaunchHeld(Coordinator, 1, meeting.StartsAt.AddMinutes(-1)));

        partnership.MarkLaunchHeld(Coordinator, 1, meeting.EndsAt);

        Assert.Equal(LaunchMeetingStatus.Held, meeting.Status);
        Assert.Equal(PartnershipStatus.LaunchScheduled, partnership.Status);
    }
}
