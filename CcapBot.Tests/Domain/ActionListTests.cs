using CcapBot.Domain;
using static CcapBot.Tests.Domain.PartnershipFixtures;

namespace CcapBot.Tests.Domain;

public sealed class ActionListTests
{
    [Theory]
    [InlineData(3, DomainRule.TooFewActivities)]
    [InlineData(9, DomainRule.TooManyActivities)]
    public void Propose_OutsideFourToEightActivities_IsRefused(int count, DomainRule expected)
    {
        var partnership = LaunchScheduled();
        Refused(partnership, expected, () => partnership.ProposeActionList(Coordinator, Draft(count), Today, Now));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void Propose_FourToEightActivities_IsAccepted(int count)
    {
        var partnership = LaunchScheduled();

        var version = partnership.ProposeActionList(Coordinator, Draft(count), Today, Now);

        Assert.Equal(count, version.Items.Count);
        Assert.Equal(Enumerable.Range(1, count), version.Items.Select(i => i.Number));
    }

    [Fact]
    public void Propose_CompletionBeforeTheLastDueDate_IsRefused()
    {
        var partnership = LaunchScheduled();
        var draft = Draft(6) with { CompletionDate = Today.AddMonths(5) }; // activity 6 is due in month 6

        Refused(partnership, DomainRule.CompletionBeforeDueDate, () => partnership.ProposeActionList(Coordinator, draft, Today, Now));
    }

    [Fact]
    public void Propose_CompletionOnTheLastDueDate_IsAccepted()
    {
        var partnership = LaunchScheduled();
        var draft = Draft(6) with { CompletionDate = Today.AddMonths(6) };

        partnership.ProposeActionList(Coordinator, draft, Today, Now);

        Assert.Equal(PartnershipStatus.ActionListProposed, partnership.Status);
    }

    [Fact]
    public void Propose_ADueDateInThePast_IsRefused_NamingTheActivity()
    {
        var partnership = LaunchScheduled();
        var draft = Draft(5);
        draft = draft with { Activities = [.. draft.Activities.Select((a, i) => i == 2 ? a with { DueDate = Today.AddDays(-1) } : a)] };

        var refused = Refused(partnership, DomainRule.DueDateInPast, () => partnership.ProposeActionList(Coordinator, draft, Today, Now));
        Assert.Equal(3, Assert.Single(refused.Violations).ActivityNumber);
    }

    [Fact]
    public void Propose_DueToday_IsAccepted()
    {
        var partnership = LaunchScheduled();
        var draft = Draft(4);
        draft = draft with { Activities = [draft.Activities[0] with { DueDate = Today }, .. draft.Activities.Skip(1)] };

        partnership.ProposeActionList(Coordinator, draft, Today, Now);

        Assert.Equal(Today, Assert.Single(partnership.ActionLists).Items[0].DueDate);
    }

    [Fact]
    public void Propose_AnOwnerOutsideThePartnership_OrNoTitle_IsRefused()
    {
        var partnership = LaunchScheduled();
        var draft = Draft(4);
        draft = draft with { Activities = [draft.Activities[0] with { OwnerCityId = Outsider }, draft.Activities[1] with { Title = " " }, .. draft.Activities.Skip(2)] };

        var refused = Refused(partnership, DomainRule.OwnerNotInPartnership, () => partnership.ProposeActionList(Coordinator, draft, Today, Now));

        Assert.Equal([new RuleViolation(DomainRule.OwnerNotInPartnership, 1), new RuleViolation(DomainRule.ActivityTitleRequired, 2)], refused.Violations);
    }

    [Fact]
    public void Propose_CompletionInThePast_IsRefused()
    {
        var partnership = LaunchScheduled();
        var draft = Draft(4) with { CompletionDate = Today.AddDays(-1) };

        Refused(partnership, DomainRule.CompletionInPast, () => partnership.ProposeActionList(Coordinator, draft, Today, Now));
    }

    [Fact]
    public void Propose_ByEitherCity_IsAccepted_ByAnOutsider_IsRefused()
    {
        var partnership = LaunchScheduled();
        Refused(partnership, DomainRule.NotAParticipant, () => partnership.ProposeActionList(OutsiderRep, Draft(), Today, Now));

        var version = partnership.ProposeActionList(HaiphongRep, Draft(), Today, Now);

        Assert.Equal(Haiphong, version.ProposedByCityId);
        Assert.Equal(HaiphongRep.Identity, version.ProposedBy);
    }

    [Fact]
    public void Propose_BeforeConfirmation_IsRefused()
    {
        var partnership = Proposed();
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.ProposeActionList(Coordinator, Draft(), Today, Now));
    }

    [Fact]
    public void Agree_ByOneSide_WaitsForTheOther_ThenThePartnershipIsActive()
    {
        var partnership = ActionListProposed();

        Assert.False(partnership.AgreeActionList(HaiphongRep, 1, Now));
        Assert.Equal(PartnershipStatus.ActionListProposed, partnership.Status);
        Assert.Empty(partnership.Activities);

        Assert.True(partnership.AgreeActionList(KitakyushuRep, 1, Now.AddHours(1)));

        Assert.Equal(PartnershipStatus.Active, partnership.Status);
        Assert.Equal(Now.AddHours(1), partnership.ActivatedAt);
        var version = Assert.Single(partnership.ActionLists);
        Assert.Equal(ActionListStatus.Agreed, version.Status);
        Assert.Same(version, partnership.CurrentActionList);
        Assert.Null(partnership.PendingActionList);
        Assert.Equal([Haiphong, Kitakyushu], version.Agreements.Select(a => a.CityId));
        Assert.Equal(version.CompletionDate, partnership.CompletionDate);
        Assert.Equal(Enumerable.Range(1, 6), partnership.LiveActivities.Select(a => a.Number));
        Assert.All(partnership.LiveActivities, a => Assert.Equal(ActivityStatus.NotStarted, a.Status));
        Assert.Equal(Haiphong, partnership.FindActivity(1)?.OwnerCityId);
        Assert.Equal(Today.AddMonths(2), partnership.FindActivity(2)?.DueDate);
    }

    [Fact]
    public void Agree_WithSeveralLearningCities_NeedsEveryCity()
    {
        var partnership = Confirmed(DaNang);
        partnership.ProposeActionList(Coordinator, Draft(), Today, Now);

        partnership.AgreeActionList(HaiphongRep, 1, Now);
        partnership.AgreeActionList(KitakyushuRep, 1, Now);
        Assert.Equal(PartnershipStatus.ActionListProposed, partnership.Status);

        partnership.AgreeActionList(Rep(DaNang, 31), 1, Now);
        Assert.Equal(PartnershipStatus.Active, partnership.Status);
    }

    [Fact]
    public void Agree_ByAnOutsider_OrACoordinator_IsRefused()
    {
        var partnership = ActionListProposed();
        Refused(partnership, DomainRule.NotAParticipant, () => partnership.AgreeActionList(OutsiderRep, 1, Now));
        Refused(partnership, DomainRule.NotAParticipant, () => partnership.AgreeActionList(Coordinator, 1, Now));
    }

    [Fact]
    public void Agree_Twice_ChangesNothing()
    {
        var partnership = ActionListProposed();
        partnership.AgreeActionList(HaiphongRep, 1, Now);
        var version = partnership.Version;

        Assert.False(partnership.AgreeActionList(Rep(Haiphong, 23), 1, Now.AddHours(1)));

        Assert.Equal(version, partnership.Version);
        Assert.Single(Assert.Single(partnership.ActionLists).Agreements);
    }

    [Fact]
    public void NewProposal_SupersedesTheWaitingOne_WhichCanNoLongerBeAgreed()
    {
        var partnership = ActionListProposed();
        partnership.AgreeActionList(HaiphongRep, 1, Now);

        var second = partnership.ProposeActionList(KitakyushuRep, Draft(5), Today, Now.AddHours(1));

        Assert.Equal(2, second.Number);
        Assert.Equal([ActionListStatus.Superseded, ActionListStatus.Proposed], partnership.ActionLists.Select(v => v.Status));
        Refused(partnership, DomainRule.VersionNotCurrent, () => partnership.AgreeActionList(KitakyushuRep, 1, Now));
        // The earlier agreement was to version 1: version 2 needs Hai Phong again.
        partnership.AgreeActionList(KitakyushuRep, 2, Now);
        Assert.Equal(PartnershipStatus.ActionListProposed, partnership.Status);
    }

    [Fact]
    public void ChangeAfterAgreement_NeedsAgreementAgain_AndKeepsHistory()
    {
        var partnership = Active();
        partnership.UpdateActivity(HaiphongRep, 1, ActivityStatus.Done, "Scope agreed", "msteams", Now);
        partnership.UpdateActivity(KitakyushuRep, 2, ActivityStatus.InProgress, null, "webchat", Now);
        var activity1 = partnership.FindActivity(1);
        var activity3 = partnership.FindActivity(3);
        var later = Now.AddMonths(2);
        var laterToday = Today.AddMonths(2);

        // Drop activity 2, keep 1 (done, due in the past by now) and 3..6, add a new one at the end, move 4's due date.
        var current = partnership.LiveActivities.ToList();
        var revision = new ActionListDraft(
            [
                .. current.Where(a => a.Number != 2).Select(a => new ActivityDraft(
                    a.Title, a.Description, a.OwnerCityId, a.Number == 4 ? a.DueDate.AddMonths(1) : a.DueDate, a.TemplateActivityId, a.Number)),
                new ActivityDraft("Share the inventory with the port authority", null, Haiphong, laterToday.AddMonths(6)),
            ],
            laterToday.AddMonths(7),
            BasedOnVersion: 1);
        var v2 = partnership.ProposeActionList(KitakyushuRep, revision, laterToday, later);

        // Still implementing version 1 while version 2 waits.
        Assert.Equal(PartnershipStatus.Active, partnership.Status);
        Assert.Equal(1, partnership.CurrentActionList?.Number);
        Assert.Same(v2, partnership.PendingActionList);
        Assert.Equal(6, partnership.LiveActivities.Count());

        partnership.AgreeActionList(KitakyushuRep, 2, later);
        Assert.Equal(1, partnership.CurrentActionList?.Number);
        partnership.AgreeActionList(HaiphongRep, 2, later);

        Assert.Equal([ActionListStatus.Superseded, ActionListStatus.Agreed], partnership.ActionLists.Select(v => v.Status));
        Assert.Equal(laterToday.AddMonths(7), partnership.CompletionDate);
        var live = partnership.LiveActivities.ToList();
        Assert.Equal(Enumerable.Range(1, 6), live.Select(a => a.Number));
        // Same activities, renumbered, with their status and notes.
        Assert.Same(activity1, live[0]);
        Assert.Equal(ActivityStatus.Done, live[0].Status);
        Assert.Equal("Scope agreed", live[0].LastNote);
        Assert.Same(activity3, live[1]);
        Assert.Equal(Today.AddMonths(5), live[2].DueDate);
        Assert.Equal("Share the inventory with the port authority", live[5].Title);
        Assert.Equal(ActivityStatus.NotStarted, live[5].Status);
        // The dropped activity stays, with its history, marked removed.
        var dropped = Assert.Single(partnership.Activities, a => a.RemovedAt is not null);
        Assert.Equal("Activity 2", dropped.Title);
        Assert.Single(dropped.Updates);
        Assert.Equal(7, partnership.Activities.Count);
    }

    [Fact]
    public void ChangeAfterAgreement_FromAStaleCard_IsRefused()
    {
        var partnership = Active();
        Refused(partnership, DomainRule.VersionNotCurrent, () => partnership.ProposeActionList(Coordinator, Draft(6, basedOn: null), Today, Now));
    }

    [Fact]
    public void ChangeAfterAgreement_MovingADueDateIntoThePast_IsRefused_KeepingAPastOneIsNot()
    {
        var partnership = Active();
        var laterToday = Today.AddMonths(2).AddDays(10); // activities 1 and 2 are now past due
        var current = partnership.LiveActivities.ToList();
        ActivityDraft Keep(PartnershipActivity a) => new(a.Title, a.Description, a.OwnerCityId, a.DueDate, a.TemplateActivityId, a.Number);

        var keepsDates = new ActionListDraft([.. current.Select(Keep)], Today.AddMonths(8), 1);
        partnership.ProposeActionList(Coordinator, keepsDates, laterToday, Now);

        var movesIntoPast = new ActionListDraft([Keep(current[0]) with { DueDate = current[0].DueDate.AddDays(1) }, .. current.Skip(1).Select(Keep)], Today.AddMonths(8), 1);
        var refused = Refused(partnership, DomainRule.DueDateInPast, () => partnership.ProposeActionList(Coordinator, movesIntoPast, laterToday, Now));
        Assert.Equal(1, Assert.Single(refused.Violations).ActivityNumber);
    }

    [Fact]
    public void ChangeAfterAgreement_NamingAnUnknownActivity_IsRefused()
    {
        var partnership = Active();
        var draft = Draft(6, basedOn: 1);
        draft = draft with { Activities = [draft.Activities[0] with { RevisesNumber = 7 }, draft.Activities[1] with { RevisesNumber = 2 }, draft.Activities[2] with { RevisesNumber = 2 }, .. draft.Activities.Skip(3)] };

        var refused = Refused(partnership, DomainRule.ActivityNotFound, () => partnership.ProposeActionList(Coordinator, draft, Today, Now));
        Assert.Equal([1, 3], refused.Violations.Select(v => v.ActivityNumber));
    }

    [Fact]
    public void Extension_OfACompletedPartnership_MakesItActiveAgainOnceAgreed()
    {
        var partnership = Active();
        foreach (var a in partnership.LiveActivities.ToList()) partnership.UpdateActivity(Coordinator, a.Number, ActivityStatus.Done, null, "msteams", Now);
        partnership.Complete(Coordinator, Now);
        var current = partnership.LiveActivities.ToList();
        var extended = new ActionListDraft(
            [.. current.Take(5).Select(a => new ActivityDraft(a.Title, a.Description, a.OwnerCityId, a.DueDate, null, a.Number)),
             new ActivityDraft("Second-year update", null, Haiphong, Today.AddMonths(12))],
            Today.AddMonths(12), 1);

        partnership.ProposeActionList(HaiphongRep, extended, Today, Now);
        Assert.Equal(PartnershipStatus.Completed, partnership.Status);
        partnership.AgreeActionList(HaiphongRep, 2, Now);
        partnership.AgreeActionList(KitakyushuRep, 2, Now);

        Assert.Equal(PartnershipStatus.Active, partnership.Status);
        Assert.Null(partnership.EndedAt);
        Assert.Equal(5, partnership.LiveActivities.Count(a => a.Status == ActivityStatus.Done));
        Assert.Equal(ActivityStatus.NotStarted, partnership.FindActivity(6)?.Status);
    }
}
